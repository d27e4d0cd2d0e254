package store

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// TestUserGroupConversationsStored: a user's conversations in group chats
// are stored beside the private one and come back as they were, across a
// reopen.
func TestUserGroupConversationsStored(t *testing.T) {
	path := filepath.Join(t.TempDir(), "groups.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)
	u := bot.User{Key: bot.UserKey{Channel: bot.ChannelTelegram, ID: "1600"}, ChatID: "-520", Private: "1600", Created: at, LastSeen: at,
		Check: &bot.CheckState{Step: "members", Back: []string{"area"}, Area: bot.AreaUrban, Started: at},
		Dialog: bot.Dialog{LastQuestion: "xin chào", Seen: at.Add(-time.Hour), Benefit: "social-disability",
			ScamAt: at, ScamLeft: 2, ScamFee: true,
			Picked: &bot.Picked{Entry: "housing-loan", Question: "nhà dột muốn vay", Others: []string{"housing-where"}}},
		Groups: map[string]*bot.ChatState{
			"-520": {Dialog: bot.Dialog{Buttons: []bot.Button{{Label: "Nông thôn (xã)", Data: "chk:a:rural"}}, Seen: at},
				Check: &bot.CheckState{Step: "area", Started: at}},
			"-521": {Dialog: bot.Dialog{LastEntry: "edu-tuition", LastAt: at, Awaiting: "remind:loan", Seen: at}},
		}}
	err = s.Apply(context.Background(), func(tx bot.Tx) error { return tx.PutUser(u) })
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.User(u.Key)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, u) {
		t.Errorf("stored user came back as\n%+v\nwant\n%+v", got, u)
	}
}

// TestUserWithoutGroupsDecodes: a user written before conversations were
// kept per chat (no "groups", no dialog "seen") has its old dialog as the
// private conversation and no group one; written again, it is the same
// bytes.
func TestUserWithoutGroupsDecodes(t *testing.T) {
	old := `{"key":{"Channel":"telegram","ID":"2201"},"chat":"-1002300","private":"2201","created":"2026-11-20T01:30:00Z","last_seen":"2026-11-20T02:30:00Z","dialog":{"last_question":"hoc phi","awaiting":"ticket:question"}}`
	var r userRecord
	if err := json.Unmarshal([]byte(old), &r); err != nil {
		t.Fatal(err)
	}
	u := userFromRecord(&r)
	if u.Groups != nil || u.Dialog.Awaiting != "ticket:question" || !u.Dialog.Seen.IsZero() {
		t.Errorf("old user decoded as %+v", u)
	}
	b, err := json.Marshal(userToRecord(&u))
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != old {
		t.Errorf("old user re-encoded as\n%s\nwant\n%s", b, old)
	}
}

// TestCheckOldMarksDecode: a check written when members told old without
// an age were "old" marks in its told profiles reads with them counted in
// Old and only the profiles in Told, in the private conversation and a
// group's; written again, it has "old" as a count and no marks. A check
// written now comes back with its count.
func TestCheckOldMarksDecode(t *testing.T) {
	const check = `{"step":"profile","members":3,"told":["age75","old","old"],"started":"2026-12-06T02:00:00Z"}`
	old := `{"key":{"Channel":"telegram","ID":"2202"},"chat":"2202","private":"2202","created":"2026-12-06T01:30:00Z","last_seen":"2026-12-06T02:30:00Z","dialog":{},"check":` + check +
		`,"groups":{"-520":{"dialog":{},"check":` + check + `}}}`
	var r userRecord
	if err := json.Unmarshal([]byte(old), &r); err != nil {
		t.Fatal(err)
	}
	u := userFromRecord(&r)
	for where, c := range map[string]*bot.CheckState{"private": u.Check, "group": u.Groups["-520"].Check} {
		if c == nil || c.Old != 2 || c.OldMembers() != 2 || !reflect.DeepEqual(c.Told, []string{"age75"}) || c.Members != 3 {
			t.Errorf("%s check decoded as %+v, want 2 old, told [age75]", where, c)
		}
	}
	b, err := json.Marshal(checkToRecord(u.Check))
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"step":"profile","members":3,"told":["age75"],"old":2,"started":"2026-12-06T02:00:00Z"}`; string(b) != want {
		t.Errorf("re-encoded as\n%s\nwant\n%s", b, want)
	}
	if c := checkFromRecord(checkToRecord(&bot.CheckState{Step: "income", Old: 1, Told: []string{"age75"}})); c.Old != 1 || !reflect.DeepEqual(c.Told, []string{"age75"}) {
		t.Errorf("new check came back as %+v", c)
	}
}
