package workspace

import "testing"

func TestCatalogueTitle(t *testing.T) {
	for _, tt := range []struct{ yaml, want string }{
		{"# drafted\ntopic: weimar\ntitle: The Weimar Republic\nitems: []\n", "The Weimar Republic"},
		{"topic: t\ntitle: \"Henry VIII: the break with Rome\"\n", "Henry VIII: the break with Rome"},
		{"topic: t\ntitle: 'Stalin''s Russia'\r\n", "Stalin's Russia"},
		{"topic: t\nitems:\n  - title: not the topic's\n", ""},
		{"topic: t\ntitle: |\n  a block\n", ""},
		{"topic: t\n", ""},
	} {
		if got := catalogueTitle([]byte(tt.yaml)); got != tt.want {
			t.Errorf("catalogueTitle(%q) = %q, want %q", tt.yaml, got, tt.want)
		}
	}
}
