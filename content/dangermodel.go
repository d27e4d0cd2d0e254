package content

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"slices"
	"strings"
)

// The danger model: the detector's second reading, learnt when the
// knowledge base loads. The vocabulary (EmergencyFile) names dangers the
// way its editors thought of them; citizens name them in many more ways
// ("ck đang bóp cổ em", "nước lũ tràn vào nhà, ngập đến đầu gối"). A
// linear SVM over the same hashed word and character n-grams as the
// topic view (svmview.go), trained on DangerFile's messages (a kind or
// "none" each, written for training only), on the vocabulary's vetoes and
// on every ordinary example of the knowledge base as "none", raises the
// alarm of the kind it reads above "none" when the vocabulary raises none
// and none of that kind's calms holds (detect). See docs/architecture.md,
// §3, the danger model.

// DangerFile holds the danger model's training messages: kind<TAB>message,
// the kind one of the detector's kinds or "none".
const DangerFile = "danger_messages.tsv"

const (
	dangerHeader = "kind\tmessage"
	dangerNone   = "none"
)

// dangerModel is the trained model: class 0 is "none", class k the
// detector kind kinds[k-1].
type dangerModel struct {
	view  *svmView
	kinds []*dangerKind
	// own: the folded words of the model's training messages that the
	// detector does not know (its vocabulary's and the knowledge base's),
	// each its own key: the model reads them too, so that a word the
	// vocabulary gains changes no message's features (folds).
	own map[string]string
	// rows is where the view's rows are read, paired with the topic
	// view's (svmpair.go); nil q: the view's own.
	rows svmRows
	// topic is the topic view paired with it, topicRows where its rows
	// are read; nil when they are not paired.
	topic     *svmView
	topicRows svmRows
}

// viewShare is the topic view's reading of the syllables the danger model
// read first in a message (dmsg.share, svmpair.go): the topic view's
// margins of syl, the same as margins gives for svmHashTerms(syl). The
// matcher reads them instead when the syllables it gives the view are
// these.
type viewShare struct {
	syl []string
	out []float64
	ok  bool
}

// of returns the view's margins of syl when v holds them.
func (v *viewShare) of(syl []string) ([]float64, bool) {
	return v.out, v.ok && slices.Equal(v.syl, syl)
}

// dangerLine is one training message of DangerFile.
type dangerLine struct {
	kind    string // "" for none
	message string
}

// readDanger returns DangerFile's lines (none when fsys has no such file
// and the embedded copy has none either) and a problem for every line it
// cannot use.
func readDanger(fsys fs.FS, kinds []*dangerKind) ([]dangerLine, Problems, error) {
	b, err := fs.ReadFile(fsys, DangerFile)
	if errors.Is(err, fs.ErrNotExist) {
		b, err = fs.ReadFile(Embedded(), DangerFile)
	}
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", DangerFile, err)
	}
	known := map[string]bool{dangerNone: true}
	for _, k := range kinds {
		known[k.Kind] = true
	}
	var lines []dangerLine
	var p Problems
	for i, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") || line == dangerHeader {
			continue
		}
		cols := strings.Split(line, "\t")
		kind := strings.TrimSpace(cols[0])
		switch {
		case len(cols) != 2:
			p = append(p, fmt.Sprintf("%s:%d: want 2 tab-separated columns (kind, message), got %d", DangerFile, i+1, len(cols)))
		case !known[kind]:
			p = append(p, fmt.Sprintf("%s:%d: unknown kind %q", DangerFile, i+1, kind))
		case strings.TrimSpace(cols[1]) == "":
			p = append(p, fmt.Sprintf("%s:%d: empty message", DangerFile, i+1))
		default:
			if kind == dangerNone {
				kind = ""
			}
			lines = append(lines, dangerLine{kind, strings.TrimSpace(cols[1])})
		}
	}
	return lines, p, nil
}

// trainDanger trains the model on lines and, as "none", on the
// vocabulary's veto phrases and on the examples of entries the detector
// does not answer (but those marked NoDangerNone). Nil when there are no lines or too many kinds for the
// view. The model reads a message as the detector splits it (scan:
// folded, teencode expanded).
//
// Every such example is "none", whatever the vocabulary reads in it: the
// model's documents, and so its shuffled training order, do not depend on
// the vocabulary's phrases and calms. When examples the vocabulary raised
// an alarm on were left out, a phrase or a calm that changed one of them
// reshuffled the whole order and moved readings on unrelated messages
// (docs/architecture.md, §3).
func (d *detector) trainDanger(lines []dangerLine, entries []*Entry) *dangerModel {
	if len(lines) == 0 || len(d.kinds)+1 > svmIDFAt {
		return nil
	}
	class := map[string]int{}
	for k, kind := range d.kinds {
		class[kind.Kind] = k + 1
	}
	c := &svmCorpus{}
	m := &dmsg{}
	own := d.ownWords(lines, entries)
	// add adds the message m was scanned from as a document of class cl.
	add := func(cl int) { c.addSyllables(m.folds(own), cl) }
	for _, l := range lines {
		cl, ok := class[l.kind]
		if l.kind != "" && !ok {
			continue // a kind checkDetector dropped (its entry is missing): never "none"
		}
		d.scan(m, l.message)
		add(cl)
	}
	// The vocabulary's vetoes are everyday expressions holding a danger
	// word ("đánh vần", "cháy túi"): the model learns them as "none".
	vetoes := d.veto
	for _, k := range d.kinds {
		vetoes = append(vetoes[:len(vetoes):len(vetoes)], k.veto...)
	}
	for _, ph := range vetoes {
		d.scan(m, strings.ReplaceAll(ph.text, "*", " "))
		add(0)
	}
	for _, e := range entries {
		if d.answers(e.ID) || e.NoDangerNone {
			continue
		}
		for _, x := range e.IndexedExamples() {
			d.scan(m, x)
			add(0)
		}
	}
	c.averaged = true // robust to content edits: svmCorpus.averaged
	return &dangerModel{view: trainSVMCorpus(c, len(d.kinds)+1), kinds: d.kinds, own: own}
}

// ownWords returns the folded words of the model's training messages
// (lines, and the examples of entries the detector does not answer) that
// the detector does not know, each mapped to itself.
func (d *detector) ownWords(lines []dangerLine, entries []*Entry) map[string]string {
	own := map[string]string{}
	m := &dmsg{}
	add := func(text string) {
		d.scan(m, text)
		for _, y := range m.syl {
			if y.fold == "" && y.word != nil {
				m.buf = appendFoldWord(m.buf[:0], y.word)
				if _, ok := own[string(m.buf)]; !ok {
					k := string(m.buf)
					own[k] = k
				}
			}
		}
	}
	for _, l := range lines {
		add(l.message)
	}
	for _, e := range entries {
		if d.answers(e.ID) || e.NoDangerNone {
			continue
		}
		for _, x := range e.IndexedExamples() {
			add(x)
		}
	}
	return own
}

// folds returns the folded syllables of the message m was scanned from
// that the detector knows (its vocabulary's and the knowledge base's) or
// that own holds (the model's own words), in m.msyl: any other word has no
// fold ("/khongcolenhnay" says nothing), nor has the gap word "*". Their
// hashes (hashString) are in m.mhash, a known word's read from its dword
// rather than hashed again.
func (m *dmsg) folds(own map[string]string) []string {
	m.msyl, m.mhash = m.msyl[:0], m.mhash[:0]
	for i := range m.syl {
		f, w := m.syl[i].fold, m.syl[i].w
		if f == "" && m.syl[i].word != nil && own != nil {
			m.buf = appendFoldWord(m.buf[:0], m.syl[i].word)
			f = own[string(m.buf)]
		}
		if f == "" || f == "*" {
			continue
		}
		h := uint64(0)
		if w != nil && w.key == f {
			h = w.hash
		} else {
			h = hashString(fnvOffset, f)
		}
		m.msyl, m.mhash = append(m.msyl, f), append(m.mhash, h)
	}
	return m.msyl
}

// read returns the kind the model reads in the message m was scanned
// from, and its margin over "none"; when no kind leads "none", nil and the
// closest urgent kind's margin (negative).
func (md *dangerModel) read(m *dmsg) (*dangerKind, float64) {
	syl := m.folds(md.own)
	if len(syl) == 0 {
		return nil, 0
	}
	if m.mcnt == nil {
		m.mcnt = make([]uint16, svmBuckets)
	}
	m.mterms = svmHashedTerms(m.mterms[:0], syl, m.mhash)
	if cap(m.mout) < md.view.nc {
		m.mout = make([]float64, md.view.nc)
	}
	out := m.mout[:md.view.nc]
	rows := md.rows
	if rows.q == nil {
		rows = md.view.own()
	}
	if sh := m.share; sh != nil && md.topic != nil {
		// The topic view reads the same terms from the same rows: both
		// are read in one pass (svmpair.go).
		m.share = nil
		sh.out = slices.Grow(sh.out[:0], md.topic.nc)[:md.topic.nc]
		m.muniq = marginsPair(md.view, md.topic, rows, md.topicRows, m.mterms, m.mcnt, m.muniq, out, sh.out)
		sh.syl, sh.ok = append(sh.syl[:0], syl...), true
	} else {
		m.muniq = md.view.marginsIn(rows, m.mterms, m.mcnt, m.muniq, out)
	}
	best := 0
	for k := 1; k < len(out); k++ {
		if out[k] > out[best] {
			best = k
		}
	}
	if best == 0 {
		return nil, md.nearest(out)
	}
	return md.kinds[best-1], out[best] - out[0]
}

// nearest returns, for margins out where "none" leads, the margin of the
// closest urgent kind over "none" (negative; -Inf without one).
func (md *dangerModel) nearest(out []float64) float64 {
	near := math.Inf(-1)
	for k := 1; k < len(out); k++ {
		if md.kinds[k-1].Urgent {
			near = max(near, out[k]-out[0])
		}
	}
	return near
}
