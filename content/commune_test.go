package content_test

import (
	"testing"

	"github.com/bacninh/ansinh/content"
)

func TestCommuneName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"xa-dai-dong", "Đại Đồng"},
		{"phuong-tien-du", "Tiên Du"},
		{"dai dong", "Đại Đồng"},
		{"Đại Đồng", "Đại Đồng"},
		{"Xã Hòa Long", "Xã Hòa Long"},
		{"xa-hoa-long", "Hoa Long"},
		{"thon 3", "thon 3"},
		{"", ""},
	} {
		if got := content.CommuneName(c.in); got != c.want {
			t.Errorf("CommuneName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
