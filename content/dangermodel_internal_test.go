package content

import (
	"strings"
	"testing"
)

// TestDangerModelOnlyWhereTheVocabularyIsSilent: the messages the danger
// model test reads raise no alarm by the vocabulary alone, so the model is
// what catches them; and without the model they raise none.
func TestDangerModelOnlyWhereTheVocabularyIsSilent(t *testing.T) {
	kb := loadOnce(t)
	if kb.det.model == nil {
		t.Fatalf("no danger model trained from %s", DangerFile)
	}
	for _, text := range []string{
		"thang ck say ruou dang bop co vo em, ca nha dang keu",
		"em ko con thiet gi nua, dem nay em se ra song cho xong",
		"co 2 thang la mat dang ca nay bat con be nha ben len xe may",
	} {
		if a, ok := kb.det.detectWords(text); ok {
			t.Errorf("%q: the vocabulary alone raises %s (%s); pick a message it misses", text, a.Kind, a.Phrase)
		}
	}
}

// TestDangerModelCry: an alarm the model raises also says whether the
// message cries for help, as the vocabulary's do, so the number comes
// alone.
func TestDangerModelCry(t *testing.T) {
	kb := loadOnce(t)
	for text, cry := range map[string]bool{
		"thang ck say ruou dang bop co vo em, ca nha dang keu":              false,
		"thang ck say ruou dang bop co vo em, ca nha dang keu, giup em voi": true,
	} {
		a, ok := kb.Detect(text)
		if !ok || !strings.HasPrefix(a.Phrase, "danger model") || a.Cry != cry {
			t.Errorf("%q: %+v %v, want the model's alarm with Cry %v", text, a, ok, cry)
		}
	}
}
