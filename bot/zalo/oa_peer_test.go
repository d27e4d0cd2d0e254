package zalo_test

import (
	"context"
	"testing"

	"github.com/bacninh/ansinh/bot/zalo/zalotest"
)

// A rejected access token is known by what the answer says as well as by
// its code: error tables differ between Zalo's APIs and their copies
// (-124 in the ZNS table, -216 and -220 in the Open API's), so a peer
// saying "Access token is invalid" under a code we do not list still
// gets a refresh and the message sent again. Before, such an answer buried
// the reply as a permanent failure.
func TestOATokenErrorKnownByItsMessage(t *testing.T) {
	for _, f := range []zalotest.OAFault{
		{Error: -124, Message: "Access token is invalid"},
		{Error: -201, Message: "Invalid access token"},
		{Error: -155, Message: "access_token has expired"},
	} {
		env := newOA(t)
		env.inbox.set(oaUser, env.clock.Now())
		env.srv.FailNext(zalotest.OASend, 1, f)
		if _, err := env.client.Send(context.Background(), reply(oaUser, "Chào")); err != nil {
			t.Errorf("%d %q: Send: %v, want the message sent after a refresh", f.Error, f.Message, err)
			continue
		}
		if env.srv.Calls(zalotest.OARefresh) != 1 || len(env.srv.Sent()) != 1 {
			t.Errorf("%d %q: %d refreshes, %d sent; want 1 and 1", f.Error, f.Message, env.srv.Calls(zalotest.OARefresh), len(env.srv.Sent()))
		}
	}
}
