package content

import "testing"

// TestDangerModelOnlyWhereTheVocabularyIsSilent: the messages the danger
// model test reads raise no alarm by the vocabulary alone, so the model is
// what catches them; and without the model they raise none.
func TestDangerModelOnlyWhereTheVocabularyIsSilent(t *testing.T) {
	kb, err := Load(Embedded())
	if err != nil {
		t.Fatal(err)
	}
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
