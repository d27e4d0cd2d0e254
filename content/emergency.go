package content

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// EmergencyFile holds the danger vocabulary: what a message that reports a
// danger to life, an urgent need or a request for medical advice looks
// like, and which entry answers each kind. A content folder without it uses
// the embedded one for the kinds whose answers the folder has.
const EmergencyFile = "emergency.yaml"

// Alarm kinds (emergency.yaml). Each names the answer the detector picks.
const (
	AlarmSelfHarm     = "self_harm"
	AlarmFire         = "fire"
	AlarmChild        = "child"
	AlarmViolence     = "violence"
	AlarmMissing      = "missing"
	AlarmMedical      = "medical"
	AlarmDrowning     = "drowning"
	AlarmFlood        = "flood"
	AlarmWelfare      = "welfare"
	AlarmNeed         = "need"
	AlarmCannotCall   = "cannot_call"
	AlarmHealthAdvice = "health_advice"
)

// Alarm is what the danger detector found in a message.
type Alarm struct {
	Kind   string // one of the Alarm* kinds
	Entry  string // id of the entry that answers it
	Urgent bool   // danger to life or urgent need: the bot opens an urgent ticket
	Phrase string // the vocabulary phrase that fired, for editors
	// Cry: the message also cries for help now (the "cry" markers, outside
	// the veto phrases: "cứu với", "giúp với"), so the bot sends the number
	// alone, without the programme answer it may ask for (KB.AlsoAsked).
	Cry bool
	// Beside: for a request for medical advice asked in a part of its own
	// beside a question about a benefit (detector.adviceAside), the rest of
	// the message, where KB.AlsoAsked looks for the programme asked about.
	Beside string
	// Caution: no alarm is raised (Detect reports false), but the story
	// told before the message's question holds a danger of Kind that
	// nothing there says is still going on (detector.headAlarm): "Em trai
	// tôi tự cắt tay …, có được trợ cấp khuyết tật không". The bot
	// answers the question and leads the answer with the kind's caution
	// line (KB.CautionLine), its number first; no urgent ticket.
	Caution bool
	// Held: no alarm is raised (Detect reports false), but the danger
	// model alone read the urgent Kind in a message too short to go on
	// (modelShortWords): "không cần nữa" as a farewell. Phrase gives the
	// margin; ask --explain shows it.
	Held bool
}

// emergencyFile is the on-disk form of EmergencyFile.
type emergencyFile struct {
	// Markers are named phrase lists a kind can be calmed by ("past",
	// "policy", ...); the list named "now" overrides a calm, and "cry"
	// marks a cry for help (Alarm.Cry); neither counts inside a veto phrase.
	Markers map[string][]string `yaml:"markers"`
	// StrictMarkers are marker lists matched as a kind's strict phrases (in
	// a message typed with marks they need their own), AccentedMarkers as
	// its accented ones (only where the marks were typed): "cô" must not be
	// the "co" of "co giật", nor "mèo" the "meo" of "méo miệng".
	StrictMarkers   map[string][]string `yaml:"strict_markers"`
	AccentedMarkers map[string][]string `yaml:"accented_markers"`
	// Veto phrases are ordinary expressions that contain a danger phrase
	// ("đánh giá", "chết máy"): a danger phrase overlapping one is ignored.
	Veto []string `yaml:"veto"`
	// Idioms are vetoed as Veto's phrases are, but the danger model does
	// not learn them as "none": they were added after the model's
	// training text was settled, and each one taught to it moves other
	// readings ("giật mình nhớ ra" is no electric shock, "cháy nhà ra mặt
	// chuột" is a proverb).
	Idioms []string `yaml:"idioms"`
	// Lift phrases take the file's veto off the words they match: the
	// harm they tell is going on, whatever everyday expression holds it
	// ("công tơ điện đang cháy" is a fire, though a burnt meter, "công tơ
	// * cháy", is a billing matter). They are no training text for the
	// danger model, which the vetoes are.
	Lift      []string        `yaml:"lift"`
	Teencode  []string        `yaml:"teencode"` // "short=long" pairs, for the detector only
	Kinds     []emergencyKind `yaml:"kinds"`
	Protected []string        `yaml:"protected"` // extra words the matcher must never correct
	// Ordinary words are real words one typo from a danger word ("trêu" /
	// "treo"): the detector reads them as written, never as that typo.
	Ordinary []string `yaml:"ordinary"`
	// PlaceNouns start a place's name ("thôn", "chùa", "khe"): up to three
	// capitalised words after one are the name, where a strict or accented
	// phrase does not match ("thôn Khe Ngát" is a village, not "ngất").
	PlaceNouns []string `yaml:"place_nouns"`
	// FamilyWords alone tell only who is in the family and how old:
	// a message made of them and numbers ("con gái tôi 15 tuổi") raises no
	// alarm from the danger model alone (detector.familyOnly).
	FamilyWords []string `yaml:"family_words"`
	// AsideCalms names the marker lists that tell a question about a
	// benefit or a paper. A danger told after the last of them, in a
	// clause that also says now (the "present" markers), is read again on
	// its own (detector.aside).
	AsideCalms []string `yaml:"aside_calms"`
	// AsideKeep names the marker lists that, anywhere in the message, still
	// calm the tail detector.aside reads ("lợn nhà em bị dịch, có được hỗ
	// trợ không, giờ nó nằm li bì": a sick animal's).
	AsideKeep []string `yaml:"aside_keep"`
	// AsideBefore names the kinds a tail may tell before its clause that
	// says now, when that clause holds no danger of its own: someone at
	// work doing harm ("… có người lạ cho kẹo rủ trẻ con lên xe, chiều nay
	// vừa lôi một bé gái đi rồi"), not a state of the body or of the
	// weather, which the clause that says now often says is over ("… co
	// giật một lần, giờ đã hạ sốt").
	AsideBefore []string `yaml:"aside_before"`
	// AsideSentence names the kinds a sentence after the question may tell
	// with no word of now at all, read by its vocabulary only: "CHO HOI
	// THE BHYT … GIA HAN O DAU. KHOI TRAN VAO PHONG, CUA KET KHONG MO
	// DUOC". Only after a sentence's end (a full stop, a question or
	// exclamation mark, an ellipsis, a line break): after a comma the part
	// is as often the story the question is about ("… có được hỗ trợ
	// không, nhà em cháy hết đồ đạc"). A kind named "kind+list" counts
	// only when the marker list is in the message too.
	AsideSentence []string `yaml:"aside_sentence"`
	// AsideHead names the marker list that lets the part before the
	// question raise an alarm (detector.headAlarm): something still going
	// on, in the clause of the danger or after it in its sentence;
	// AsideHeadNot the list that voids such a marker (a plan or a
	// routine: "đang tính", "đăng ký"); AsideHeadCalm the list that,
	// anywhere before the question, tells the harm settled ("không ai bị
	// thương", "đang ở nhờ").
	AsideHead     string `yaml:"aside_head"`
	AsideHeadNot  string `yaml:"aside_head_not"`
	AsideHeadCalm string `yaml:"aside_head_calm"`
	// NowSettled names the marker lists that, in the clause a plain word
	// of now ("now_plain": "bây giờ", "lúc này") opens, tell the harm
	// settled: that "bây giờ" says how things stand now it is over
	// ("…, khâu mấy mũi. Bây giờ anh đã tỉnh, bác sĩ bảo không nguy hiểm
	// nữa"), and is no "now" marker.
	NowSettled []string `yaml:"now_settled"`
}

type emergencyKind struct {
	Kind   string `yaml:"kind"`
	Entry  string `yaml:"entry"`
	Urgent bool   `yaml:"urgent"`
	// Caution is the line that leads the answer to a message whose story
	// tells this kind's danger before a question without saying it is
	// still going on (Alarm.Caution): "if it is happening now, call …",
	// with the number the kind's entry gives first.
	Caution string `yaml:"caution"`
	// Advice: answers fitted to the danger told, tried in turn; the first
	// whose marker list the message holds answers instead of the kind's
	// entry (detector.advise), through an entry derived from it with the
	// id "entry-marker" (checkDetector): a person not breathing, a poison
	// swallowed, a stroke.
	Advice []kindAdvice `yaml:"advice"`
	// Calm names marker lists that silence this kind unless the message
	// also has a "now" marker; CalmAlways names lists that silence it
	// whatever else the message says.
	Calm       []string `yaml:"calm"`
	CalmAlways []string `yaml:"calm_always"`
	// CautionCalm names marker lists that keep this kind's caution line
	// off a story and touch no alarm: the danger model reads a fall that
	// broke a leg as a beating ("mẹ tôi bị ngã gãy chân đang nằm viện,
	// bhyt … trả bao nhiêu"), and "if someone is being beaten, call 113"
	// would lead the answer to nobody's danger.
	CautionCalm []string `yaml:"caution_calm"`
	// Unless voids a calm: a marker list named here calms this kind only
	// when none of the lists it maps to is in the message too ("animal"
	// unless "person": a sick pig is the vet's, a cow that gored a man is
	// not).
	Unless map[string][]string `yaml:"unless"`
	// Phrases match on the folded form; marks the citizen typed must agree.
	Phrases []string `yaml:"phrases"`
	// Strict phrases collide with ordinary words once folded ("đuối
	// nước"/"dưới nước"): in a message typed with diacritics they need
	// their own marks.
	Strict []string `yaml:"strict"`
	// Accented phrases are hopeless without marks ("đói quá"/"đợi quá"):
	// they match only where the citizen typed the marks.
	Accented []string `yaml:"accented"`
	// YieldTo names a kind that answers instead when this one fires and
	// one of YieldBy says so, unless one of YieldUnless does: a marker
	// list found in the message, yieldModel (the danger model reads the
	// message as that kind) or yieldUnder16 (an age under 16 is named);
	// names joined by "+" must all say so ("age_under_16+alone": a child
	// with no one caring for them). Kinds joined by "|" are tried in turn
	// ("flood|medical": someone not back while a flood rises, or a baby in
	// convulsions while the father is not back; the model decides).
	// The violence kind's words with a child as the victim are the child
	// kind's; the child kind's with a married woman as the victim ("thằng
	// chồng con gái tôi đang đánh con bé") are the violence kind's.
	YieldTo     string   `yaml:"yield_to"`
	YieldBy     []string `yaml:"yield_by"`
	YieldUnless []string `yaml:"yield_unless"`
	// YieldOver says so whatever YieldUnless says: a surer sign than the
	// ones YieldUnless reads ("bà cụ hàng xóm bị thằng cháu nội đánh": the
	// grandchild, which names a child, is the one beating; the victim is
	// old).
	YieldOver []string `yaml:"yield_over"`
	// TakesOver names a marker list: when another urgent kind fires and
	// the message holds one of its phrases, this kind answers instead.
	TakesOver string `yaml:"takes_over"`
	// Signals are words typical of this danger that prove little alone
	// ("máu", "lửa", "dao"): MinSignals distinct ones together fire the kind.
	// They are matched as strict, one-word signals as accented.
	Signals    []string `yaml:"signals"`
	MinSignals int      `yaml:"min_signals"`
	// Veto phrases silence this kind's phrases they overlap ("sét đánh"
	// is no assault); the file's veto list applies to every kind.
	Veto []string `yaml:"veto"`
	// Idioms silence this kind's phrases as Veto's do, but the danger
	// model does not learn them (the file's Idioms, for one kind): "sắp
	// chết đói vì giá cả leo thang" is no one dying for the medical kind,
	// while the need kind still reads hunger.
	Idioms []string `yaml:"idioms"`
	// Combos fire when a phrase of each list occurs in the message; A is
	// matched as strict. In any phrase "*" stands for one to three words.
	// Bare: a phrase of A fires alone in a message of at most bareWords
	// words ("bố tôi bị đột quỵ"): so short a message tells nothing but
	// the harm.
	Combos []struct {
		A    []string `yaml:"a"`
		B    []string `yaml:"b"`
		Bare bool     `yaml:"bare"`
	} `yaml:"combos"`
}

// detector finds danger in a message. It is built once per knowledge base
// and read concurrently.
type detector struct {
	kinds  []*dangerKind
	own    bool // read from the folder, not the embedded copy
	all    []*dphrase
	danger []bool // by phrase id: a kind's phrase, signal or combo part (not a marker or veto)
	// marker: by phrase id, a phrase of a marker list (dmsg.named: never
	// read inside a place's name).
	marker  []bool
	first   map[string][]int32 // folded first syllable -> phrases
	ex      *expander
	veto    []*dphrase
	idioms  []*dphrase // see emergencyFile.Idioms
	lift    []*dphrase // see emergencyFile.Lift
	markers map[string][]*dphrase
	// markerAt: marker list -> its index in dmsg.mhas (the lists a calmer
	// has read).
	markerAt map[string]int
	teen     map[string][]string
	// vocab holds every folded syllable of the vocabulary; known holds the
	// syllables of ordinary words (the knowledge base's), which are never
	// read as a typo of a danger word.
	vocab   map[string]bool
	deletes map[string][]string
	known   map[string]int32
	// ordinary holds the file's ordinary words (folded), added to known.
	ordinary []string
	// placeNouns holds the file's place nouns, folded as a message's words.
	placeNouns map[string]bool
	// familyWords holds the file's family_words, folded.
	familyWords map[string]bool
	// words is what the detector knows of each word (see learn); wordAt
	// answers the look-ups of words while messages are read.
	words  map[string]*dword
	wordAt wordTable[*dword]
	// roles and ncombos are the phrases' roles in the kinds (see possible);
	// bare[i] is the Bare of the i-th combo among all kinds' combos.
	roles   []role
	ncombos int
	bare    []bool
	// kindsOf[id] has bit k set when phrase id is one of kind k's phrases,
	// signals or combo phrases (learnRoles); nil with more kinds than
	// bits. judge passes over a kind none of whose phrases a message holds.
	kindsOf []uint64
	pool    sync.Pool // *dmsg
	// model is the danger model (dangermodel.go), nil without training
	// messages; modelProblems are the lines of its file it left out.
	model         *dangerModel
	modelProblems Problems
	// asideCalms: the phrases of EmergencyFile's aside_calms marker lists
	// (a question about a benefit or a paper); asideKeep: its aside_keep
	// lists.
	asideCalms []*dphrase
	// asideCalmNames names the lists asideCalms holds.
	asideCalmNames []string
	asideKeep      map[string]bool
	// asideBefore: the kinds of EmergencyFile's aside_before.
	asideBefore map[string]bool
	// asideHead, asideHeadNot, asideHeadCalm: EmergencyFile's aside_head,
	// aside_head_not and aside_head_calm marker lists.
	asideHead, asideHeadNot, asideHeadCalm string
	// nowSettled: EmergencyFile's now_settled.
	nowSettled []string
	// asideSentence: the kinds of EmergencyFile's aside_sentence, each
	// with the marker lists its tail must also hold ("medical+acute").
	asideSentence map[string][]string
}

type dangerKind struct {
	emergencyKind
	phrases []*dphrase
	signals []*dphrase
	veto    []*dphrase
	unsaid  []*dphrase // veto and idioms: what silences this kind's phrases
	combos  [][2][]*dphrase
	bare    []bool // per combo: Bare
}

// loadDetector reads EmergencyFile from fsys, or the embedded copy when the
// folder has none.
func loadDetector(fsys fs.FS, ex *expander) (*detector, Problems, error) {
	b, err := fs.ReadFile(fsys, EmergencyFile)
	own := err == nil
	if errors.Is(err, fs.ErrNotExist) {
		b, err = fs.ReadFile(Embedded(), EmergencyFile)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", EmergencyFile, err)
	}
	var f emergencyFile
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, nil, fmt.Errorf("parse %s: %w", EmergencyFile, err)
	}
	d := &detector{own: own, ex: ex, first: map[string][]int32{}, markers: map[string][]*dphrase{}, teen: map[string][]string{}, vocab: map[string]bool{}, deletes: map[string][]string{}}
	var p Problems
	for _, t := range f.Teencode {
		short, long, ok := strings.Cut(t, "=")
		if !ok || strings.TrimSpace(short) == "" || strings.TrimSpace(long) == "" {
			p = append(p, fmt.Sprintf("%s: teencode %q: want short=long", EmergencyFile, t))
			continue
		}
		d.teen[Fold(strings.TrimSpace(short))] = appendSyllables(nil, long)
	}
	compile := func(list []string, mode matchMode) []*dphrase {
		out := make([]*dphrase, 0, len(list))
		for _, s := range list {
			ph := d.phrase(s, mode, ex)
			if len(ph.syl) == 0 {
				p = append(p, fmt.Sprintf("%s: empty phrase %q", EmergencyFile, s))
				continue
			}
			out = append(out, ph)
		}
		return out
	}
	for name, list := range f.Markers {
		d.markers[name] = compile(list, modeLenient)
	}
	for _, lists := range []struct {
		m    map[string][]string
		mode matchMode
	}{{f.StrictMarkers, modeStrict}, {f.AccentedMarkers, modeAccented}} {
		for name, list := range lists.m {
			if _, ok := d.markers[name]; ok {
				p = append(p, fmt.Sprintf("%s: marker list %q is defined twice", EmergencyFile, name))
			}
			d.markers[name] = compile(list, lists.mode)
		}
	}
	d.veto = compile(f.Veto, modeLenient)
	d.idioms = compile(f.Idioms, modeLenient)
	d.lift = compile(f.Lift, modeLenient)
	d.markerAt = map[string]int{}
	for _, name := range slices.Sorted(maps.Keys(d.markers)) {
		d.markerAt[name] = len(d.markerAt)
	}
	d.asideCalms, d.asideCalmNames = nil, f.AsideCalms
	for _, name := range f.AsideCalms {
		if _, ok := d.markers[name]; !ok {
			p = append(p, fmt.Sprintf("%s: aside_calms: unknown marker list %q", EmergencyFile, name))
		}
		d.asideCalms = append(d.asideCalms, d.markers[name]...)
	}
	d.asideKeep = map[string]bool{}
	for _, name := range f.AsideKeep {
		if _, ok := d.markers[name]; !ok {
			p = append(p, fmt.Sprintf("%s: aside_keep: unknown marker list %q", EmergencyFile, name))
		}
		d.asideKeep[name] = true
	}
	d.asideBefore = map[string]bool{}
	for _, name := range f.AsideBefore {
		if !slices.ContainsFunc(f.Kinds, func(k emergencyKind) bool { return k.Kind == name }) {
			p = append(p, fmt.Sprintf("%s: aside_before: unknown kind %q", EmergencyFile, name))
		}
		d.asideBefore[name] = true
	}
	for _, name := range []string{f.AsideHead, f.AsideHeadNot, f.AsideHeadCalm} {
		if _, ok := d.markers[name]; name != "" && !ok {
			p = append(p, fmt.Sprintf("%s: aside_head: unknown marker list %q", EmergencyFile, name))
		}
	}
	d.asideHead, d.asideHeadNot, d.asideHeadCalm = f.AsideHead, f.AsideHeadNot, f.AsideHeadCalm
	for _, name := range f.NowSettled {
		if _, ok := d.markers[name]; !ok {
			p = append(p, fmt.Sprintf("%s: now_settled: unknown marker list %q", EmergencyFile, name))
		}
	}
	d.nowSettled = f.NowSettled
	d.asideSentence = map[string][]string{}
	for _, entry := range f.AsideSentence {
		name, needs, _ := strings.Cut(entry, "+")
		if !slices.ContainsFunc(f.Kinds, func(k emergencyKind) bool { return k.Kind == name }) {
			p = append(p, fmt.Sprintf("%s: aside_sentence: unknown kind %q", EmergencyFile, name))
		}
		var lists []string
		if needs != "" {
			lists = strings.Split(needs, "+")
			for _, l := range lists {
				if _, ok := d.markers[l]; !ok {
					p = append(p, fmt.Sprintf("%s: aside_sentence: unknown marker list %q", EmergencyFile, l))
				}
			}
		}
		d.asideSentence[name] = lists
	}
	if len(f.AsideCalms) > 0 && len(d.markers["present"]) == 0 {
		p = append(p, fmt.Sprintf("%s: aside_calms needs a \"present\" marker list", EmergencyFile))
	}
	seen := map[string]bool{}
	for _, k := range f.Kinds {
		if seen[k.Kind] {
			p = append(p, fmt.Sprintf("%s: kind %q listed twice", EmergencyFile, k.Kind))
		}
		seen[k.Kind] = true
		dk := &dangerKind{emergencyKind: k}
		dk.phrases = append(dk.phrases, compile(k.Phrases, modeLenient)...)
		dk.phrases = append(dk.phrases, compile(k.Strict, modeStrict)...)
		dk.phrases = append(dk.phrases, compile(k.Accented, modeAccented)...)
		dk.veto = compile(k.Veto, modeLenient)
		dk.unsaid = append(slices.Clip(dk.veto), compile(k.Idioms, modeLenient)...)
		// A one-word signal folds into too many ordinary words ("đê"/"để",
		// "mê"/"mẹ"): it counts only where the marks were typed.
		for _, sig := range k.Signals {
			mode := modeStrict
			if len(words(sig)) == 1 {
				mode = modeAccented
			}
			dk.signals = append(dk.signals, compile([]string{sig}, mode)...)
		}
		if len(dk.signals) > 0 && dk.MinSignals < 2 {
			p = append(p, fmt.Sprintf("%s: kind %q: min_signals must be at least 2", EmergencyFile, k.Kind))
		}
		for _, c := range k.Combos {
			// A names the danger with a word that alone is often ordinary:
			// in a message typed with marks it must carry them.
			dk.combos = append(dk.combos, [2][]*dphrase{compile(c.A, modeStrict), compile(c.B, modeLenient)})
			dk.bare = append(dk.bare, c.Bare)
		}
		var names []string
		for _, name := range slices.Concat(k.Calm, k.CalmAlways, k.CautionCalm) {
			// A calm named "a+b" needs every list named (dangerKind.calms).
			names = append(names, strings.Split(name, "+")...)
		}
		if k.TakesOver != "" {
			names = append(names, k.TakesOver)
		}
		for _, both := range slices.Concat(k.YieldBy, k.YieldUnless, k.YieldOver) {
			if to, rest, ok := strings.Cut(both, ":"); ok {
				if !slices.Contains(strings.Split(k.YieldTo, "|"), to) {
					p = append(p, fmt.Sprintf("%s: kind %q: %q speaks for kind %q, not in yield_to", EmergencyFile, k.Kind, both, to))
				}
				both = rest
			}
			for name := range strings.SplitSeq(both, "+") {
				if name != yieldModel && name != yieldUnder16 {
					names = append(names, name)
				}
			}
		}
		if k.YieldTo != "" {
			for to := range strings.SplitSeq(k.YieldTo, "|") {
				if !slices.ContainsFunc(f.Kinds, func(o emergencyKind) bool { return o.Kind == to }) {
					p = append(p, fmt.Sprintf("%s: kind %q: yield_to names no kind %q", EmergencyFile, k.Kind, to))
				}
			}
		}
		for _, spare := range k.Unless {
			names = append(names, spare...)
		}
		for _, name := range names {
			if _, ok := d.markers[name]; !ok {
				p = append(p, fmt.Sprintf("%s: kind %q: unknown marker list %q", EmergencyFile, k.Kind, name))
			}
		}
		if len(dk.phrases) == 0 && len(dk.combos) == 0 {
			p = append(p, fmt.Sprintf("%s: kind %q has no phrases", EmergencyFile, k.Kind))
		}
		d.kinds = append(d.kinds, dk)
	}
	d.danger = make([]bool, len(d.all))
	for _, k := range d.kinds {
		mark := func(list []*dphrase) {
			for _, ph := range list {
				d.danger[ph.id] = true
			}
		}
		mark(k.phrases)
		mark(k.signals)
		for _, c := range k.combos {
			mark(c[0])
			mark(c[1])
		}
	}
	d.marker = make([]bool, len(d.all))
	for _, list := range d.markers {
		for _, ph := range list {
			d.marker[ph.id] = true
		}
	}
	for _, w := range f.Ordinary {
		// Folded as the detector reads a message's words: "hưu" is "huu"
		// (a double "u" kept, see appendFoldWord), not the matcher's "hu".
		for _, s := range words(w) {
			d.ordinary = append(d.ordinary, foldWord(s))
		}
	}
	d.placeNouns = map[string]bool{}
	for _, w := range f.PlaceNouns {
		for _, s := range words(w) {
			d.placeNouns[foldWord(s)] = true
			// Real words, read as written: a message's word needs a
			// folded form to be recognised as one.
			d.ordinary = append(d.ordinary, foldWord(s))
		}
	}
	d.familyWords = map[string]bool{}
	for _, w := range f.FamilyWords {
		for _, s := range words(w) {
			d.familyWords[foldWord(s)] = true
		}
	}
	for _, w := range f.Protected {
		for _, s := range appendSyllables(nil, w) {
			d.vocab[s] = true
		}
	}
	for s := range d.vocab {
		if len(s) < 3 {
			continue
		}
		for _, del := range deletions(s) {
			d.deletes[del] = append(d.deletes[del], s)
		}
	}
	return d, p, nil
}

// checkDetector reports kinds whose answer is missing or not marked as
// they are used. With the embedded vocabulary standing in for a folder's,
// kinds whose answer the folder lacks are left out instead.
func checkDetector(d *detector, byID map[string]*Entry) Problems {
	var p Problems
	kept := d.kinds[:0]
	for _, k := range d.kinds {
		e, ok := byID[k.Entry]
		if ok || d.own {
			kept = append(kept, k)
		}
		if ok {
			p = append(p, d.adviceEntries(k, e, byID)...)
		}
		switch {
		case !ok && d.own:
			p = append(p, fmt.Sprintf("%s: kind %q: unknown entry %q", EmergencyFile, k.Kind, k.Entry))
		case !ok:
		case k.Urgent && !e.Urgent:
			p = append(p, fmt.Sprintf("%s: kind %q: entry %q must be marked urgent", EmergencyFile, k.Kind, k.Entry))
		}
		if ok && k.Caution != "" {
			p = append(p, checkCaution(k, e)...)
		}
	}
	d.kinds = kept
	return p
}

// kindAdvice is one answer of emergencyKind.Advice: Answer, when the
// message holds a phrase of the marker list Marker.
type kindAdvice struct {
	Marker string `yaml:"marker"`
	Answer string `yaml:"answer"`
}

// adviceID is the id of the entry derived from entry id for the advice
// given on marker list marker.
func adviceID(id, marker string) string { return id + "-" + marker }

// adviceEntries adds to byID, for each advice of kind k, a copy of its
// entry e answering with the advice's text, and reports an advice whose
// marker list is unknown, whose answer is too long for an urgent answer
// or does not lead with the number e leads with.
func (d *detector) adviceEntries(k *dangerKind, e *Entry, byID map[string]*Entry) Problems {
	var p Problems
	for _, a := range k.Advice {
		if _, known := d.markers[a.Marker]; !known {
			p = append(p, fmt.Sprintf("%s: kind %q: advice: unknown marker list %q", EmergencyFile, k.Kind, a.Marker))
			continue
		}
		answer := strings.TrimSpace(a.Answer)
		if n := utf8.RuneCountInString(answer); n > MaxUrgentRunes {
			p = append(p, fmt.Sprintf("%s: kind %q: advice %q is %d characters, more than %d", EmergencyFile, k.Kind, a.Marker, n, MaxUrgentRunes))
		}
		own, theirs := emergencyNumbers.FindAllString(answer, -1), emergencyNumbers.FindAllString(e.Answer, -1)
		if len(theirs) > 0 && (len(own) == 0 || own[0] != theirs[0]) {
			p = append(p, fmt.Sprintf("%s: kind %q: advice %q must name %s first, as entry %q does", EmergencyFile, k.Kind, a.Marker, theirs[0], e.ID))
		}
		v := *e
		v.ID, v.Answer = adviceID(e.ID, a.Marker), answer
		byID[v.ID] = &v
	}
	return p
}

// AdviceFitted reports whether entry id is an urgent answer fitted to the
// danger told (emergencyKind.Advice): a person not breathing, a poison,
// a stroke.
func (kb *KB) AdviceFitted(id string) bool {
	if kb.det == nil {
		return false
	}
	for _, k := range kb.det.kinds {
		for _, a := range k.Advice {
			if id == adviceID(k.Entry, a.Marker) {
				return true
			}
		}
	}
	return false
}

// advise returns alarm a answered by the first advice of its kind whose
// marker list the message holds (emergencyKind.Advice), else a. m is the
// message as detectIn read it for a: every phrase of the vocabulary is
// matched in it, markers too, so the message is not scanned again.
func (d *detector) advise(m *dmsg, a Alarm) Alarm {
	k := d.kind(a.Kind)
	if k == nil || len(k.Advice) == 0 || a.Entry != k.Entry {
		return a
	}
	c := d.newCalmer(m)
	for _, adv := range k.Advice {
		if c.marker(adv.Marker) {
			a.Entry = adviceID(k.Entry, adv.Marker)
			return a
		}
	}
	return a
}

// emergencyNumbers finds the emergency numbers (111 to 115) in a text.
var emergencyNumbers = regexp.MustCompile(`\b11[1-5]\b`)

// checkCaution reports a caution line (emergencyKind.Caution) that is
// not one short line, or names a number its kind's entry e does not give
// or another first: the line stands in for the entry's answer.
func checkCaution(k *dangerKind, e *Entry) Problems {
	var p Problems
	if strings.ContainsRune(k.Caution, '\n') || utf8.RuneCountInString(k.Caution) > cautionMaxRunes {
		p = append(p, fmt.Sprintf("%s: kind %q: caution must be one line of at most %d characters", EmergencyFile, k.Kind, cautionMaxRunes))
	}
	own, theirs := emergencyNumbers.FindAllString(k.Caution, -1), emergencyNumbers.FindAllString(e.Answer, -1)
	for _, n := range own {
		if !slices.Contains(theirs, n) {
			p = append(p, fmt.Sprintf("%s: kind %q: caution names %s, which entry %q does not give", EmergencyFile, k.Kind, n, e.ID))
		}
	}
	if len(own) > 0 && len(theirs) > 0 && own[0] != theirs[0] {
		p = append(p, fmt.Sprintf("%s: kind %q: caution names %s first, entry %q %s", EmergencyFile, k.Kind, own[0], e.ID, theirs[0]))
	}
	return p
}

// cautionMaxRunes bounds a caution line: it leads another answer on a
// small screen.
const cautionMaxRunes = 140

// answers reports whether entry id answers one of the detector's kinds.
func (d *detector) answers(id string) bool {
	for _, k := range d.kinds {
		if k.Entry == id {
			return true
		}
	}
	return false
}

// Detect reports the danger, urgent need or medical question in text, if
// any. Kinds are tried in file order: the first that fires wins.
func (kb *KB) Detect(text string) (Alarm, bool) {
	if kb.det == nil {
		return Alarm{}, false
	}
	return kb.det.detect(text)
}

func (d *detector) detect(text string) (Alarm, bool) {
	return d.detectSharing(text, nil)
}

// detectSharing is detect leaving in sh, when the danger model reads the
// message, the topic view's reading of the same syllables (viewShare).
func (d *detector) detectSharing(text string, sh *viewShare) (Alarm, bool) {
	m := d.scratch()
	defer d.pool.Put(m)
	m.share = sh
	a, _, ok := d.detectMsg(m, text, true)
	m.share = nil
	if ok && a.Urgent {
		// The advice fitted to the danger is read from the hits of the
		// reading that raised it (detectMsg matched every phrase of m).
		a = d.advise(m, a)
	}
	return a, ok
}

// scratch returns a pooled message to read with (put it back after).
func (d *detector) scratch() *dmsg {
	m, _ := d.pool.Get().(*dmsg)
	if m == nil {
		m = &dmsg{}
	}
	return m
}

// detectIn is detect; aside says whether to read a danger told after a
// question on its own (detector.aside), which a tail read so never does.
// It also returns the danger model's margin when the model raised the
// alarm, else 0.
func (d *detector) detectIn(text string, aside bool) (Alarm, float64, bool) {
	m := d.scratch()
	defer d.pool.Put(m)
	return d.detectMsg(m, text, aside)
}

// detectMsg is detectIn reading text into m. When it reports an urgent
// alarm, every phrase of the vocabulary, markers and vetoes too, is
// matched in m (a cry alone matches none: m then holds no hit).
func (d *detector) detectMsg(m *dmsg, text string, aside bool) (Alarm, float64, bool) {
	m.caution = nil
	if aside && cryAlone(text) {
		if k := d.kind(AlarmWelfare); k != nil {
			m.syl = m.syl[:0]
			m.clearHits()
			return Alarm{Kind: k.Kind, Entry: k.Entry, Urgent: k.Urgent, Phrase: "a cry for help alone", Cry: true}, 0, true
		}
	}
	matched := d.tokens(m, text)
	if matched {
		if a, ok := d.judge(m); ok {
			if !a.Urgent && aside {
				// A request for medical advice does not go before a
				// danger the question's words calmed in the whole message
				// ("cho hỏi rà soát năm nay thế nào, con tôi sốt cao co
				// giật tím tái, cho uống thuốc gì"): the parts beside the
				// question are read for one first, and its number leads.
				// An illness the writer asks how to treat at home is the
				// medical kind's only with a sign of the body failing now
				// (the acute list, as for aside_sentence's
				// "medical+acute").
				if u, ok := d.aside(m, text, true); ok && u.Urgent && (u.Kind != AlarmMedical || d.newCalmer(m).marker("acute")) {
					return u, 0, true
				}
			}
			return d.yield(m, a), 0, true
		}
	}
	// tokens scanned the message whatever it returned.
	if d.model == nil {
		return Alarm{}, 0, false
	}
	// The model reads what the vocabulary has no phrase for. The kind it
	// reads keeps the kind's calms (a past event, a sick animal, a person
	// found), unless the message says now.
	k, margin := d.model.read(m)
	var held *dangerKind // the kind a short message's reading was held back for
	if k != nil && k.Urgent {
		if !matched {
			d.matchAll(m, func(w *dword) []dcand { return w.other })
			matched = true
		}
		// On a short whole message the model alone needs to read more
		// (modelShortWords), unless the message cries for help.
		c := d.newCalmer(m)
		cry := c.marker("cry")
		// Words that close a conversation ("thôi không cần nữa, tôi hỏi
		// được rồi") hold the same bar as a bare message: the model learnt
		// farewells from words like them.
		short := aside && !cry && (len(m.syl) <= modelShortWords || (m.bare() || c.marker("closing")) && margin < bareModelMargin)
		switch {
		case k.calmed(c.marker, c.spare):
		case d.familyOnly(m):
		case short:
			held = k
		default:
			return d.yield(m, Alarm{Kind: k.Kind, Entry: k.Entry, Urgent: true, Phrase: fmt.Sprintf("danger model, margin %.2f", margin), Cry: cry}), margin, true
		}
	}
	// A tail can only raise what the whole message holds a trace of: a
	// danger phrase, or an urgent kind the model reads above "none" or
	// within asideNearest of it. The rest, most messages, skip the
	// markers' matching the tail needs.
	if !aside || !matched && k == nil && margin < asideNearest {
		return Alarm{}, 0, false
	}
	a, ok := d.aside(m, text, matched)
	switch {
	case ok:
	case m.caution != nil:
		return Alarm{Kind: m.caution.Kind, Entry: m.caution.Entry, Caution: true}, 0, false
	case held != nil:
		return Alarm{Kind: held.Kind, Entry: held.Entry, Held: true, Phrase: fmt.Sprintf("margin %.2f", margin)}, 0, false
	}
	return a, 0, ok
}

// modelShortWords is the most words of a whole message on which the
// danger model alone raises no alarm, and bareModelMargin the margin over
// "none" it needs on a bare one (bareWords words at most), unless the
// message cries for help ("cứu tôi với"). So few words are too little to
// read a danger from, and the words citizens end a conversation with
// ("không cần nữa", "tôi đi đây", "đi ngủ đây", "không còn gì nữa", "cảm ơn
// nhé không cần nữa" at 0.31) are words of the farewells and urgent needs
// the model learnt from, while "chào mọi người, em đi đây" (0.96) stays a
// farewell. A phrase of the vocabulary still raises its alarm on a short
// message ("muốn chết", "không còn gì * ăn"), and the model still reads a
// short part of a longer message (a tail, the story before a question) as
// before. No alarm on the 62,754 stored messages changes: the bare ones the
// model alone raised cry for help, or read 1.29 and more.
var (
	modelShortWords = 4
	bareModelMargin = 0.5
)

// familyOnly reports whether every word of m is one of the file's
// family_words or a number: the message tells who is in the family and
// how old ("con lớn 8 tuổi con bé 3 tuổi", the answer to a question about
// the children), which the danger model, taught children in danger, may
// read as one.
func (d *detector) familyOnly(m *dmsg) bool {
	if len(d.familyWords) == 0 {
		return false
	}
	for i := range m.syl {
		if f := m.syl[i].fold; !d.familyWords[f] && strings.TrimLeft(f, "0123456789") != "" {
			return false
		}
	}
	return true
}

// The danger model's reading of a tail counts (detector.aside) when the
// tail has asideModelWords words at least and the kind leads "none" by
// asideModelMargin: a few words weigh too little against "none" ("bà tôi
// đang nhận tiền mặt"), and a close call there is no call.
const (
	asideModelWords  = 12
	asideModelMargin = 0.25
)

// asideNearest is how far below "none" the whole message's closest urgent
// kind may read for detector.aside to look for a tail: on
// testdata/emergency45.tsv, -0.5 would lose a danger told after a
// question that -1 keeps.
const asideNearest = -1.0

// aside reads on its own a part of a message that holds a question about
// a benefit or a paper (the aside_calms markers): read whole, the question
// calms a danger told beside it. In turn:
//   - the part before the question's clause, when something still going
//     on stands in the danger's clause (headAlarm): "Vợ tôi đang đau thắt
//     ngực, vã mồ hôi. Cho hỏi thẻ BHYT …"; otherwise a danger told before
//     the question ("con em vừa bị chó cắn, tiêm phòng có được bảo hiểm
//     trả không") stays calmed;
//   - the part after the last question, from its first clause that says
//     now (the "present" markers): "cho em hỏi thẻ bảo hiểm có dùng ở
//     viện tỉnh không, vì mẹ em vừa ngã, giờ nói ngọng, miệng méo";
//   - the first sentence after it, by its vocabulary, for the
//     aside_sentence kinds (sentenceAfter).
//
// Each part keeps its own calms (a past event, someone in hospital), and
// the aside_keep lists calm it wherever they are (a sick animal named
// before the question). m holds text, scanned; matched: its markers and
// vetoes are matched too.
func (d *detector) aside(m *dmsg, text string, matched bool) (Alarm, bool) {
	if len(d.asideCalms) == 0 || len(m.syl) == 0 {
		return Alarm{}, false
	}
	if !matched {
		d.matchAll(m, func(w *dword) []dcand { return w.other })
	}
	first, last := -1, -1 // the first word of a question's marker, the last word of one
	for _, ph := range d.asideCalms {
		for _, sp := range m.hitsOf(ph.id) {
			if first < 0 || sp[0] < first {
				first = sp[0]
			}
			last = max(last, sp[1]-1)
		}
	}
	if last < 0 {
		return d.storyTail(m, text)
	}
	if a, ok := d.headAlarm(m, text, first); ok {
		return a, true
	}
	start := -1 // the first word of the clause after it
	for i := last; i < len(m.syl); i++ {
		if m.syl[i].brk {
			start = i + 1
			break
		}
		if i > last && asidePivot[m.syl[i].fold] && d.presentAt(m, i+1) {
			// "… hỏi về hỗ trợ nhà ở nhưng giờ nước tràn đê vào nhà":
			// the turn starts the tail as a comma would.
			start = i + 1
			break
		}
	}
	// The tail starts with the first clause after the question that says
	// now: "… có được hỗ trợ không, cháu sốt cao, co giật một lần, giờ đã
	// hạ sốt" tells a past fit. A "present" marker inside a "lately" one
	// says nothing of now ("hôm nay" in "mấy hôm nay").
	from := -1
	for _, ph := range d.markers["present"] {
		for _, sp := range m.hitsOf(ph.id) {
			if start >= 0 && sp[0] >= start && (from < 0 || sp[0] < from) && !m.within(sp, d.markers["lately"]) {
				from = sp[0]
			}
		}
	}
	var a Alarm
	ok := false
	if from >= 0 {
		for from > start && !m.syl[from-1].brk {
			from--
		}
		// The clause that says now may only end a danger the clauses before
		// it tell ("… mấy hôm nay có người lạ cho kẹo rủ trẻ con lên xe,
		// chiều nay vừa lôi một bé gái đi rồi"): when it holds no danger of
		// its own, the tail from the question on is read, only its
		// vocabulary counts, and only for the aside_before kinds.
		a, ok = d.asideTail(m, text, from, true)
		if !ok && from > start {
			a, ok = d.asideTail(m, text, start, false)
			// Unless the tail tells the harm settled ("…, nhà tôi bị
			// cháy hết, giờ ở nhờ nhà em gái"): the clause that says
			// now tells how things stand after it.
			ok = ok && d.asideBefore[a.Kind] && !m.hitIn(d.markers[d.asideHeadCalm], start, len(m.syl))
		}
	}
	if !ok {
		// No clause after the question says now, or none that tells a
		// danger: a sentence after it may still tell one in words alone
		// (aside_sentence).
		if at := sentenceAfter(m, last); at >= 0 {
			a, ok = d.asideTail(m, text, at, false)
			ok = ok && d.sentenceKind(m, a.Kind)
		}
	}
	if !ok {
		// Nor does a sentence tell one alone: the clauses after the
		// question may still tell a danger whose state lasts as the
		// writer writes ("tôi muốn hỏi cái vay vốn, tôi ngã trong nhà tắm
		// không dậy được từ tối qua"), read as the story before a
		// question is (goingTail). Voice-to-text has no commas: there the
		// filler "ờ" or the spoken "thì" after the question ends its
		// clause ("… sổ hộ nghèo làm lại ở đâu thì tôi bị ngã ngoài vườn
		// không đứng lên được").
		at := start
		if at < 0 {
			at = spokenClauseAfter(m, last)
		}
		if at >= 0 {
			if a, ok = d.goingTail(m, text, at, from); ok {
				return d.asideAlarm(m, a, "told after the question, still going on: ")
			}
		}
	}
	if !ok {
		if a, ok := d.storyTail(m, text); ok {
			return a, true
		}
		return d.adviceAside(m, text)
	}
	return d.asideAlarm(m, a, "told after the question: ")
}

// goingTail reads on its own, by its vocabulary, the part of m from
// syllable start on (the clause after the question's) when no word of now
// opens it: "tôi muốn hỏi cái vay vốn, tôi ngã trong nhà tắm không dậy
// được từ tối qua, cái chân không nhúc nhích được". After a comma the part
// is as often the story the question is about ("… có được hỗ trợ không,
// nhà em cháy hết đồ đạc"), so its alarm counts as the story told before a
// question does (headAlarm): a marker of the aside_head list (something
// still going on: "không dậy được", "từ sáng", "gọi không thưa", "vã mồ
// hôi") stands in the part, in the clause of a word of the kind raised or
// a later clause of its sentence, or the danger model agrees
// (modelAgrees); and nothing in the part tells the harm settled (the
// aside_head_calm list: "đang ở nhờ", "đã được cứu") or dates it (the
// story calms: "từ năm ngoái", "nằm liệt").
func (d *detector) goingTail(m *dmsg, text string, start, now int) (Alarm, bool) {
	if d.asideHead == "" || start >= len(m.syl) {
		return Alarm{}, false
	}
	end := len(m.syl)
	if m.hitIn(d.markers[d.asideHeadCalm], start, end) {
		return Alarm{}, false
	}
	for _, name := range storyCalms {
		if m.hitIn(d.markers[name], start, end) {
			return Alarm{}, false
		}
	}
	if d.hypothetical(m, start) {
		return Alarm{}, false
	}
	a, ok := d.asideTail(m, text, start, false)
	if !ok {
		return Alarm{}, false
	}
	k := d.kind(a.Kind)
	if k == nil || d.introCalms(m, k, start) {
		// The kind's calms before the part, other than the question's,
		// still hold: a sick animal named there ("nuôi 15 con lợn thịt
		// bằng tiền vay hộ nghèo, từ hôm qua có 3 con bỏ ăn, sốt cao, tai
		// tím tái").
		return Alarm{}, false
	}
	if now >= 0 && !d.asideBefore[k.Kind] {
		// A later clause says now and tells no danger of its own: a
		// state of the body or of the weather before it is as often
		// over ("…, cháu sốt cao, co giật một lần, giờ đã hạ sốt"), as
		// for the tail detector.aside reads from that clause.
		return Alarm{}, false
	}
	if k.Kind == AlarmMedical && m.hitIn(d.markers["lately"], start, end) && !m.hitIn(d.markers["acute"], start, end) {
		// An illness of some days ("mấy hôm nay bà kêu đau bụng âm ỉ"),
		// told beside a question about a card or an allowance, is no
		// emergency without a sign of the body failing now (the acute
		// list, as for aside_sentence's "medical+acute").
		return Alarm{}, false
	}
	if !d.goingOnIn(m, k, start, end) && !d.modelAgrees(m, k, m.part(text, start, end)) {
		return Alarm{}, false
	}
	return a, true
}

// hypothetical reports whether the first harm of the kinds' vocabulary
// from syllable start of m on is told after a marker of the hypothetical
// list in its own clause: a danger asked about in general ("…, nếu người
// già ngã không dậy được thì gọi số nào").
func (d *detector) hypothetical(m *dmsg, start int) bool {
	harm := -1
	for _, id := range m.hitIDs {
		if r := d.roles[id].what; r != rolePhrase && r != roleComboA {
			continue
		}
		for _, sp := range m.hitsOf(id) {
			if sp[0] >= start && (harm < 0 || sp[0] < harm) {
				harm = sp[0]
			}
		}
	}
	return harm >= 0 && m.hitIn(d.markers[hypotheticalList], max(start, clauseStart(m, harm)), harm)
}

// supposed reports whether every harm of the kinds' vocabulary in m is
// told after a marker of the hypothetical list in its own clause, and no
// "present" marker (outside a "lately" one; a plain word of time such as
// "giờ" not when its clause tells the state settled) says now: "trường hợp cháy
// nhà thì nhà nước có hỗ trợ không" supposes the fire; "nhà cháy rồi, nếu
// không ai đến thì …", "lỡ như nước lên nữa thì …, giờ nước đã ngập ngang
// ngực" and "trường hợp của em là nhà đang cháy" do not. It is what the
// hypothetical list means as a kind's calm.
func (d *detector) supposed(m *dmsg) bool {
	harms := 0
	for _, id := range m.hitIDs {
		if r := d.roles[id].what; r != rolePhrase && r != roleComboA {
			continue
		}
		for _, sp := range m.hitsOf(id) {
			if !m.hitIn(d.markers[hypotheticalList], clauseStart(m, sp[0]), sp[0]) {
				return false
			}
			harms++
		}
	}
	if harms == 0 {
		return false
	}
	for _, ph := range d.markers["present"] {
		for _, sp := range m.hitsOf(ph.id) {
			if !m.within(sp, d.markers["lately"]) && !(stateNow[ph.text] && d.settledAfter(m, sp)) {
				return false
			}
		}
	}
	return true
}

// settledAfter reports whether the clause of the marker at span holds,
// after it, a phrase of a now_settled list: "còn giờ em vẫn bình thường".
func (d *detector) settledAfter(m *dmsg, span [2]int) bool {
	end := clauseEnd(m, span[1]-1)
	for _, name := range d.nowSettled {
		if m.hitIn(d.markers[name], span[1], end+1) {
			return true
		}
	}
	return false
}

// hypotheticalList names the marker list of a danger supposed, not told
// ("nếu", "giả sử", "lỡ như").
const hypotheticalList = "hypothetical"

// spokenClauseAfter returns the first syllable of m after syllable last
// that a word voice-to-text writes where a text has a comma ends the
// clause before: the filler "ờ" or "thì"; -1 when none does.
func spokenClauseAfter(m *dmsg, last int) int {
	for i := last + 1; i < len(m.syl)-1; i++ {
		if w := string(m.syl[i].word); w == "ờ" || w == "thì" || w == "thi" {
			return i + 1
		}
	}
	return -1
}

// storyCalms are the marker lists that tell an old or lasting harm: read
// whole, they calm a danger told after them.
var storyCalms = []string{"past", "chronic"}

// stateNow are the "present" markers that, after a story of a harm, as
// often tell the state it left as a new danger ("mẹ tôi bị đột quỵ năm
// ngoái, giờ nói ngọng, méo miệng"): they open no story tail.
var stateNow = map[string]bool{"giờ": true, "bây giờ": true, "hiện giờ": true, "hiện tại": true,
	"hiện em": true, "hiện tôi": true, "hiện cháu": true, "hiện mình": true, "lúc này": true}

// storyTail reads on its own the part of a message after a story of an
// old or lasting harm, from the first later clause that says now (the
// "present" markers, not inside a "lately" one): "bố tôi bị tai nạn nằm
// liệt giường 2 năm nay, nay mẹ tôi đang lên cơn đau ngực khó thở quá".
// Read whole, the father's lasting harm calms the mother's danger; the
// part after it keeps its own calms (a question about a benefit, someone
// already in hospital).
func (d *detector) storyTail(m *dmsg, text string) (Alarm, bool) {
	last := -1 // the last word of a story marker
	for _, name := range storyCalms {
		for _, ph := range d.markers[name] {
			for _, sp := range m.hitsOf(ph.id) {
				last = max(last, sp[1]-1)
			}
		}
	}
	if last < 0 {
		return Alarm{}, false
	}
	end := clauseEnd(m, last)
	from := -1
	for _, ph := range d.markers["present"] {
		if stateNow[ph.text] {
			continue
		}
		for _, sp := range m.hitsOf(ph.id) {
			if sp[0] > end && (from < 0 || sp[0] < from) && !m.within(sp, d.markers["lately"]) {
				from = sp[0]
			}
		}
	}
	if from < 0 {
		return Alarm{}, false
	}
	from = clauseStart(m, from)
	for i := from; i <= clauseEnd(m, from); i++ {
		if m.syl[i].fold == "van" {
			return Alarm{}, false // "đến nay vẫn đang méo miệng": what the harm left
		}
	}
	a, ok := d.asideTail(m, text, from, true)
	if !ok {
		return Alarm{}, false
	}
	return d.asideAlarm(m, a, "told after the story: ")
}

// adviceAside finds a request for medical advice asked in a part of its
// own beside a question about a benefit or a paper ("Mẹ em bị tiểu
// đường, chân hay tê buốt, có nên uống thêm thuốc bổ không? Với lại thẻ
// BHYT của mẹ …"): read whole, the benefit's words calm the health-advice
// kind, and the benefit's answer would pass over the medical question.
// The parts are sentences (up to a full stop, a question or exclamation
// mark, an ellipsis, a line break or the voice filler "ờ") and clauses a
// joining word opens ("…, và bố em huyết áp 150 thì nên uống thuốc gì",
// adviceJoins). A part with no marker of the aside_calms lists is read on
// its own; the health-advice alarm it raises answers, with the rest of
// the message as Alarm.Beside, where KB.AlsoAsked finds the benefit.
func (d *detector) adviceAside(m *dmsg, text string) (Alarm, bool) {
	if d.kind(AlarmHealthAdvice) == nil {
		return Alarm{}, false
	}
	m.asked = m.mask(m.asked, d.asideCalms)
	for _, ph := range d.markers[adviceOK] {
		for _, sp := range m.hitsOf(ph.id) {
			clear(m.asked[sp[0]:sp[1]])
		}
	}
	calmed := m.asked
	ends := func(i int) bool { // a part ends after syllable i
		return m.syl[i].brk && (sentenceEnd(m, i) || adviceJoins[m.syl[i+1].fold]) || string(m.syl[i+1].word) == "ờ"
	}
	for from := 0; from < len(m.syl); {
		to, calm := from, false // to: the part's last syllable
		for ; to < len(m.syl)-1 && !(to > from && ends(to)); to++ {
			calm = calm || calmed[to]
		}
		calm = calm || calmed[to]
		if !calm && (from > 0 || to < len(m.syl)-1) {
			if a, _, ok := d.detectIn(m.part(text, from, to+1), false); ok && a.Kind == AlarmHealthAdvice {
				a.Phrase = "asked beside the question: " + a.Phrase
				a.Beside = m.part(text, 0, from) + " " + m.part(text, to+1, len(m.syl))
				return a, true
			}
		}
		from = to + 1
	}
	return Alarm{}, false
}

// adviceJoins: folded words that, opening a clause, join a second
// question to a first ("và", "với lại", "còn", "mà", "tiện hỏi luôn"):
// detector.adviceAside reads the clause as a part of its own.
var adviceJoins = map[string]bool{"va": true, "voi": true, "con": true, "ma": true, "tien": true, "nhan": true, "them": true, "ngoai": true}

// asideAlarm returns a, the alarm of a part detector.aside read, its
// phrase led by where ("told after the question: "), unless the
// aside_keep lists anywhere in m calm its kind.
func (d *detector) asideAlarm(m *dmsg, a Alarm, where string) (Alarm, bool) {
	c := d.newCalmer(m)
	keep := func(name string) bool { return d.asideKeep[name] && c.marker(name) }
	if k := d.kind(a.Kind); k == nil || k.calmed(keep, c.spare) {
		return Alarm{}, false
	}
	a.Phrase = where + a.Phrase
	// The writer's phone may be named before the tail ("điện thoại em hết
	// tiền, mẹ em đang khó thở").
	return d.takeOver(m, a), true
}

// sentenceKind reports whether kind, read in a sentence after a
// question, raises its alarm there (aside_sentence): it is listed, and
// the marker lists named with it are in m.
func (d *detector) sentenceKind(m *dmsg, kind string) bool {
	needs, ok := d.asideSentence[kind]
	if !ok {
		return false
	}
	if len(needs) == 0 {
		return true
	}
	c := d.newCalmer(m)
	for _, l := range needs {
		if !c.marker(l) {
			return false
		}
	}
	return true
}

// sentenceAfter returns the first syllable of the sentence after syllable
// i of m, -1 when none follows.
func sentenceAfter(m *dmsg, i int) int {
	for j := i; j < len(m.syl)-1; j++ {
		if m.syl[j].brk && sentenceEnd(m, j) {
			return j + 1
		}
		// Voice-to-text has no stops: the filler "ờ" after the question
		// starts what is said next ("ờ tôi muốn hỏi cái vay vốn ờ tôi ngã
		// ở trong bếp không dậy được"). Only as voice-to-text writes it:
		// unmarked "o" is also "ở" and the "ô" of "ô tô".
		if j > i && string(m.syl[j].word) == "ờ" {
			return j + 1
		}
	}
	return -1
}

// sentenceEnd reports whether a sentence ends after syllable i (a full
// stop, a question or exclamation mark, an ellipsis or a line break, not
// a comma), as the scan found it (dsyl.stop): a word teencode stands for
// after the stop ("… la cao k. e o xa hoi …", whose "e" is "em") no longer
// hides it.
func sentenceEnd(m *dmsg, i int) bool { return m.syl[i].stop }

// asidePivot: folded words that turn from a question to what is
// happening when a "present" marker follows them ("nhưng giờ", "mà bây
// giờ"): the tail detector.aside reads may start after them.
var asidePivot = map[string]bool{"nhung": true, "ma": true}

// presentAt reports whether a "present" marker starts at syllable i.
func (d *detector) presentAt(m *dmsg, i int) bool {
	for _, ph := range d.markers["present"] {
		for _, sp := range m.hitsOf(ph.id) {
			if sp[0] == i {
				return true
			}
		}
	}
	return false
}

// headAlarm reads on its own the part of m before the clause of its
// first question marker (the aside_calms lists), by its vocabulary only:
// "Chồng tôi đang đau thắt ngực, vã mồ hôi. Cho hỏi thẻ BHYT …". Read
// whole, the question calms the danger told before it, as it should for
// a harm that is over ("nhà em bị lũ cuốn trôi, giờ ở nhờ, xã có hỗ trợ
// làm nhà không"), so the part counts only when a marker of the
// aside_head list (something still going on: "đang", "vẫn còn", "tự
// nhiên", "bị kẹt", "gọi không thưa") stands in the clause of a word of
// the kind it raises or in a later clause of the same sentence ("bị nước
// cuốn ở cống tràn, chới với giữa dòng, mọi người đang chạy ra"), and not
// inside a marker of the aside_head_not list (a plan or a routine: "đang
// tính", "đăng ký", "đang đi học"); and when no marker of the
// aside_head_calm list before the question tells the harm settled ("may
// mà không ai bị thương", "đang ở nhờ nhà em gái"). Without such a marker
// it counts when the danger model agrees (modelAgrees): fresh writers tell
// most dangers before a question with no word of now. A part with no
// phrase of the vocabulary counts when the danger model alone reads it as
// an urgent kind by headModelAlone, with that kind's calms ("Nhà em bị
// tốc mái từ hôm qua, tối nay cả nhà không có chỗ nào ngủ. Cho hỏi …").
// Neither counts with a calm_always list of the kind in the message.
//
// Voice-to-text has no stops: the filler "ờ" before the question ends
// the part as a comma would ("nước vẫn lên cả nhà đang trèo lên gác ờ cho
// hỏi cái trợ cấp lũ lụt").
func (d *detector) headAlarm(m *dmsg, text string, first int) (Alarm, bool) {
	if d.asideHead == "" {
		return Alarm{}, false
	}
	end := clauseStart(m, first) // the first word of the question's clause
	if end <= 0 {
		// A benefit's word in the first clause may belong to the story
		// ("Người cho vay nặng lãi ngồi lì trong nhà …, ai ra ngoài là
		// chúng nó đánh. Vay ngân hàng chính sách … có được không"): the
		// question is then the first clause after it to hold one.
		end = d.laterQuestion(m)
	}
	from := 0
	if end > 0 && !d.harmIn(m, 0, end) {
		// The clauses before the first marker hold no harm: the household
		// or the benefit named there is the writer's introduction ("Anh
		// chị ơi cho em hỏi, nhà em ở xã …, là hộ cận nghèo, bố em uống
		// nhầm thuốc trừ sâu 15 phút trước, em muốn hỏi thẻ bhyt …"). The
		// story is then what follows it up to the question after the harm.
		if f, e := d.storyAfter(m, end); e > 0 {
			from, end = f, e
		}
	}
	if end <= 0 || d.model == nil && !d.goingOn(m, nil, end) || d.settled(m, end) {
		// Without the model, a head must say something still going on: no
		// need to read the others.
		return Alarm{}, false
	}
	head := m.part(text, from, end)
	if head == "" {
		return Alarm{}, false
	}
	a, margin, ok := d.detectIn(head, false)
	for i := from; (!ok || !a.Urgent) && i < end-1; i++ {
		// A harm told as past in a later sentence ("… ông ta đứng ngoài
		// cổng chửi, bảo sẽ giết cả nhà. Mẹ tôi bị đánh gãy tay tháng
		// trước. Cho hỏi …") dates that harm, not the one told first: the
		// sentences before a later one that names a harm of its own are
		// read alone, the first first. A later sentence with no harm
		// (a recovery, a calm, the household's poverty) speaks of the
		// whole story and stays in it.
		if !m.syl[i].stop || !d.harmIn(m, i+1, end) {
			continue
		}
		if h := m.part(text, from, i+1); h != "" {
			if a, margin, ok = d.detectIn(h, false); ok && a.Urgent {
				head, end = h, i+1
			}
		}
	}
	if !ok || !a.Urgent {
		return Alarm{}, false
	}
	k := d.kind(a.Kind)
	if k == nil || d.introCalms(m, k, from) {
		return Alarm{}, false
	}
	// A story read after the writer's introduction (from > 0) raises an
	// alarm or nothing: its caution lines fell on stories whose harm is
	// long over as often as on dangers.
	switch {
	case margin > 0:
		// No phrase of the vocabulary: the danger model read the part,
		// keeping the kind's calms there. From headModelGoing, a marker
		// of something still going on in the sentence of the kind's words
		// is enough ("… ăn phải quả lạ, miệng sùi bọt, gọi không thưa").
		if margin < headModelAlone && (margin < headModelGoing || !d.goingOn(m, k, end)) || d.calmedAlways(m, k) {
			if from > 0 || end-from <= modelShortWords {
				// Nor does a head of a few words the model alone read
				// (a greeting, "chị ơi em hỏi, …") lead with a caution
				// line: a whole message that short raises nothing on the
				// model's word either (modelShortWords).
				return Alarm{}, false
			}
			return d.cautionOf(m, k)
		}
	case !d.goingOn(m, k, end) && !d.modelAgrees(m, k, head):
		if from > 0 {
			return Alarm{}, false
		}
		return d.cautionOf(m, k)
	}
	return d.asideAlarm(m, a, "told before the question: ")
}

// storyAfter returns, for a message whose clauses before syllable intro
// (the first clause holding a marker of the aside_calms lists) tell no
// harm, the story told after them and the question after it: from the
// clause after the last such marker before the first harm, up to the
// first clause after the harm's to hold one. 0, 0 when no harm follows
// or no such question comes after it.
func (d *detector) storyAfter(m *dmsg, intro int) (from, end int) {
	harm := -1
	for _, id := range m.hitIDs {
		if r := d.roles[id].what; r != rolePhrase && r != roleComboA {
			continue
		}
		for _, sp := range m.hitsOf(id) {
			if sp[0] >= intro && (harm < 0 || sp[0] < harm) {
				harm = sp[0]
			}
		}
	}
	if harm < 0 {
		return 0, 0
	}
	at := clauseStart(m, harm)
	from = intro
	for _, ph := range d.asideCalms {
		for _, sp := range m.hitsOf(ph.id) {
			switch c := clauseStart(m, sp[0]); {
			case c == at:
				// The harm's own clause names the benefit ("… đang còn
				// nợ vay hộ nghèo thì vừa rồi bị đột quỵ mất"): no
				// story stands apart from it.
				return 0, 0
			case c < at:
				// A marker before the harm's clause: the story starts
				// after its clause.
				if e := clauseEnd(m, sp[0]) + 1; e > from && e <= at {
					from = e
				}
			case c > at && (end == 0 || c < end):
				end = c
			}
		}
	}
	if end == 0 {
		return 0, 0
	}
	return from, end
}

// introCalms reports whether the writer's introduction, syllables of m
// before from (storyAfter), holds a list that calms k other than the
// question's (aside_calms): a sick animal, a past, a dream told there
// ("nhà tôi nuôi 15 con lợn nái, vay ngân hàng chính sách làm chuồng, mấy
// hôm nay 3 con bỏ ăn, sốt …") still calms the story after it.
func (d *detector) introCalms(m *dmsg, k *dangerKind, from int) bool {
	if from <= 0 {
		return false
	}
	for _, name := range slices.Concat(k.Calm, k.CalmAlways) {
		if !slices.Contains(d.asideCalmNames, name) && m.hitIn(d.markers[name], 0, from) {
			return true
		}
	}
	return false
}

// harmIn reports whether a harm of a kind's vocabulary (a phrase, or a
// word of a combo's first list: not a signal, a combo's second list, a
// marker or a veto, whose words are often everyday ones) starts at a
// syllable of m from i up to (not including) j.
func (d *detector) harmIn(m *dmsg, i, j int) bool {
	for _, id := range m.hitIDs {
		if r := d.roles[id].what; r != rolePhrase && r != roleComboA {
			continue
		}
		for _, sp := range m.hitsOf(id) {
			if sp[0] >= i && sp[0] < j {
				return true
			}
		}
	}
	return false
}

// clauseStart returns the first syllable of the clause of syllable i of
// m: a clause ends at a comma or a stop, at the voice filler "ờ" and at
// the spoken pivot "thì là".
func clauseStart(m *dmsg, i int) int {
	for i > 0 && !m.syl[i-1].brk && string(m.syl[i-1].word) != "ờ" && !spokenPivot(m, i) {
		i--
	}
	return i
}

// clauseEnd returns the last syllable of the clause of syllable i of m:
// a clause ends at a comma or a stop.
func clauseEnd(m *dmsg, i int) int {
	for i < len(m.syl)-1 && !m.syl[i].brk {
		i++
	}
	return i
}

// laterQuestion returns the start of the first clause of m after its
// first one that holds a marker of the aside_calms lists, 0 for none.
func (d *detector) laterQuestion(m *dmsg) int {
	at := 0
	for _, ph := range d.asideCalms {
		for _, sp := range m.hitsOf(ph.id) {
			if c := clauseStart(m, sp[0]); c > 0 && (at == 0 || c < at) {
				at = c
			}
		}
	}
	return at
}

// cautionOf notes in m, for a danger of kind k told before the question
// that headAlarm does not raise (nothing says it is still going on),
// that the answer leads with k's caution line (Alarm.Caution), unless a
// calm_always list of k (a form to fill, a film) or the aside_keep lists
// (a sick animal) calm k there; it reports no alarm.
func (d *detector) cautionOf(m *dmsg, k *dangerKind) (Alarm, bool) {
	if k.Caution == "" || d.calmedAlways(m, k) {
		return Alarm{}, false
	}
	c := d.newCalmer(m)
	for _, name := range k.CautionCalm {
		if c.marker(name) {
			return Alarm{}, false
		}
	}
	if _, kept := d.asideAlarm(m, Alarm{Kind: k.Kind}, ""); kept {
		m.caution = k
	}
	return Alarm{}, false
}

// spokenPivot reports whether the two words before syllable end of m
// are "thì là", as voice-to-text writes it: spoken, it turns from what is
// told to what is asked ("… cháy to lắm khói đen kịt nhà tôi sát vách thì
// là cái sổ hộ nghèo … làm lại ở đâu"), where a text has a full stop.
func spokenPivot(m *dmsg, end int) bool {
	return end >= 2 && string(m.syl[end-1].word) == "là" && string(m.syl[end-2].word) == "thì" && !m.syl[end-2].brk
}

// The danger model agrees with a head's vocabulary (detector.modelAgrees)
// when it reads the whole message as an urgent kind ahead of "none" by
// headWholeMargin, or the head alone by headModelMargin. With no phrase
// of the vocabulary in the head, its reading of the head alone counts
// from headModelAlone (detector.headAlarm). Chosen on the read sets of
// that shape (testdata/emergency56.tsv, emergency68.tsv), the read
// near-miss sets (emergency61, 63, 66) and the stored ordinary messages,
// where none of them raises an alarm; 0.75 for the last gave a near miss
// of emergency66.tsv one (testdata/README.md).
const (
	headWholeMargin = 0
	headModelMargin = 1.5
	headModelAlone  = 1.0
	headModelGoing  = 0.6
)

// modelAgrees reports whether the danger model reads a danger in m (an
// urgent kind, whichever) where the head's vocabulary raised kind k with
// no marker of something still going on: two readers, one of words and
// one trained on whole messages, agree that the story before the question
// is happening ("Bà nội em bị lẫn, sáng nay đi chợ không thấy về, cả nhà
// tìm khắp nơi. Bà có được trợ cấp không"). Read whole, the model keeps
// the question's calm; here only a calm_always list of k in the message
// (a form to fill, a film, a lesson) stops it.
func (d *detector) modelAgrees(m *dmsg, k *dangerKind, head string) bool {
	if d.model == nil || d.calmedAlways(m, k) {
		return false
	}
	if wk, margin := d.model.read(m); wk != nil && wk.Urgent && margin >= headWholeMargin {
		return true
	}
	h, _ := d.pool.Get().(*dmsg)
	if h == nil {
		h = &dmsg{}
	}
	defer d.pool.Put(h)
	d.tokens(h, head)
	hk, margin := d.model.read(h)
	return hk != nil && hk.Urgent && margin >= headModelMargin
}

// calmedAlways reports whether a list of kind k's calm_always is in m,
// whose markers are matched.
func (d *detector) calmedAlways(m *dmsg, k *dangerKind) bool {
	c := d.newCalmer(m)
	return k.calmedAlways(c.marker, c.spare)
}

// goingOn reports whether a marker of the aside_head list stands before
// syllable end of m, in the clause of a word of kind k or a later clause
// of its sentence (anywhere when k is nil), and not overlapping one of
// the aside_head_not list (unmarked "con dang di hoc" is "còn đang" as
// well as "đang đi học").
func (d *detector) goingOn(m *dmsg, k *dangerKind, end int) bool {
	return d.goingOnIn(m, k, 0, end)
}

// goingOnIn is goingOn for the markers that start at syllable from or
// after it.
func (d *detector) goingOnIn(m *dmsg, k *dangerKind, from, end int) bool {
	for _, ph := range d.markers[d.asideHead] {
		for _, sp := range m.hitsOf(ph.id) {
			if sp[0] >= from && sp[1] <= end && !m.overlaps(sp, d.markers[d.asideHeadNot]) && (k == nil || kindInSentence(m, k, sp[0])) {
				return true
			}
		}
	}
	return false
}

// settled reports whether a marker of the aside_head_calm list stands
// before syllable end of m.
func (d *detector) settled(m *dmsg, end int) bool {
	return m.hitIn(d.markers[d.asideHeadCalm], 0, end)
}

// hitIn reports whether a phrase of list is in m wholly within syllables
// i up to (not including) j.
func (m *dmsg) hitIn(list []*dphrase, i, j int) bool {
	for _, ph := range list {
		for _, sp := range m.hitsOf(ph.id) {
			if sp[0] >= i && sp[1] <= j {
				return true
			}
		}
	}
	return false
}

// kindInSentence reports whether a phrase, a combo's part or a signal of
// kind k is in the clause of m holding syllable i or in an earlier clause
// of the same sentence (one that no full stop, question or exclamation
// mark, ellipsis or line break ends before i).
func kindInSentence(m *dmsg, k *dangerKind, i int) bool {
	for {
		if kindInClause(m, k, i) {
			return true
		}
		for i > 0 && !m.syl[i-1].brk {
			i--
		}
		if i == 0 || sentenceEnd(m, i-1) {
			return false
		}
		i--
	}
}

// kindInClause reports whether a phrase, a combo's part or a signal of
// kind k is in the clause of m holding syllable i.
func kindInClause(m *dmsg, k *dangerKind, i int) bool {
	lo, hi := i, i
	for lo > 0 && !m.syl[lo-1].brk {
		lo--
	}
	for hi < len(m.syl)-1 && !m.syl[hi].brk {
		hi++
	}
	in := func(list []*dphrase) bool {
		for _, ph := range list {
			for _, sp := range m.hitsOf(ph.id) {
				if sp[0] >= lo && sp[1] <= hi+1 {
					return true
				}
			}
		}
		return false
	}
	if in(k.phrases) || in(k.signals) {
		return true
	}
	for _, c := range k.combos {
		if in(c[0]) || in(c[1]) {
			return true
		}
	}
	return false
}

// asideTail reads on its own the part of m from syllable start on (text
// is what m was scanned from) and returns its urgent alarm. The danger
// model's reading counts only when model is set, and then only for a tail
// long enough and a kind clear enough of "none".
func (d *detector) asideTail(m *dmsg, text string, start int, model bool) (Alarm, bool) {
	_, tail, ok := m.cut(text, start)
	if !ok {
		return Alarm{}, false
	}
	a, margin, ok := d.detectIn(tail, false)
	if !ok || !a.Urgent || margin > 0 && (!model || len(m.syl)-start < asideModelWords || margin < asideModelMargin) {
		return Alarm{}, false
	}
	return a, true
}

// What besides marker lists may make a kind yield (emergencyKind.YieldBy).
const (
	yieldModel   = "model"        // the danger model reads the kind yielded to
	yieldUnder16 = "age_under_16" // an age under 16: a child in law
)

// yield returns the alarm of the kind a's kind yields to (YieldTo) when
// YieldBy says so and YieldUnless does not, else a; then, through
// takeOver, the alarm of a kind that takes over (the writer's phone cannot
// call: "gọi ngay 115" is no use to someone whose phone has no credit).
func (d *detector) yield(m *dmsg, a Alarm) Alarm {
	k := d.kind(a.Kind)
	if k == nil || k.YieldTo == "" {
		return d.takeOver(m, a)
	}
	c := d.newCalmer(m)
	for name := range strings.SplitSeq(k.YieldTo, "|") {
		to := d.kind(name)
		if why, ok := d.yieldsTo(m, c, k, to); ok {
			if why == yieldModel {
				why = "danger model"
			}
			a = Alarm{Kind: to.Kind, Entry: to.Entry, Urgent: to.Urgent, Phrase: a.Phrase + "; " + why + ": " + to.Kind, Cry: a.Cry}
			break
		}
	}
	return d.takeOver(m, a)
}

// yieldsTo reports whether kind k yields to kind to (nil: no such kind)
// in the message m was scanned from, and why: one of k.YieldOver says so,
// or one of k.YieldBy does and none of k.YieldUnless.
func (d *detector) yieldsTo(m *dmsg, c calmer, k, to *dangerKind) (string, bool) {
	if to == nil {
		return "", false
	}
	for _, by := range k.YieldOver {
		if d.says(m, c, to, by) {
			return by, true
		}
	}
	for _, by := range k.YieldUnless {
		if d.says(m, c, to, by) {
			return "", false
		}
	}
	for _, by := range k.YieldBy {
		if d.says(m, c, to, by) {
			return by, true
		}
	}
	return "", false
}

// says reports whether name, of a YieldBy or YieldUnless list, holds for
// the message m was scanned from when yielding to kind to: a marker list
// found, the model reading to, an age under 16; names joined by "+" must
// all hold. A name led by a kind and a colon ("child:age_under_16+alone")
// speaks only when yielding to that kind.
func (d *detector) says(m *dmsg, c calmer, to *dangerKind, name string) bool {
	if kind, rest, ok := strings.Cut(name, ":"); ok {
		return kind == to.Kind && d.says(m, c, to, rest)
	}
	if first, rest, ok := strings.Cut(name, "+"); ok {
		return d.says(m, c, to, first) && d.says(m, c, to, rest)
	}
	switch name {
	case yieldModel:
		if d.model == nil {
			return false
		}
		mk, _ := d.model.read(m)
		return mk == to
	case yieldUnder16:
		return namesAgeUnder16(m.low) || spellsAgeUnder16(m.low)
	}
	return c.marker(name)
}

// namesAgeUnder16 reports whether the lower-case text names an age under
// 16 ("7 tuổi", "14t", "10 tháng tuổi": a child in law is under 16) or a
// school grade below the tenth ("lớp 3"). It reads the text in place, so
// that matching still allocates nothing.
func namesAgeUnder16(low []byte) bool {
	for i := 0; i < len(low); {
		if !isDigit(low[i]) || i > 0 && wordByte(low[i-1]) {
			i++
			continue
		}
		j := i
		for j < len(low) && isDigit(low[j]) {
			j++
		}
		n, rest := j-i, low[j:]
		if len(rest) > 0 && rest[0] == ' ' {
			rest = rest[1:]
		}
		switch {
		case hasWords(rest, "thang tuoi"):
			return true
		case (hasWords(rest, "tuoi") || hasWords(rest, "t")) && (n == 1 || n == 2 && (low[i]-'0')*10+low[i+1]-'0' < 16):
			return true
		case n == 1 && low[i] != '0' && (endsWord(low[:i], "lop ") || endsWord(low[:i], "lớp ")):
			return true
		}
		i = j
	}
	return false
}

// spellsAgeUnder16 reports whether the lower-case text names an age under
// 16 in words, as voice-to-text writes it ("em mười hai tuổi", "cháu ba
// tháng tuổi"); "hai mươi lăm tuổi" and "năm mươi tuổi" are older, and a
// zodiac year ("là năm tuổi của tôi") no age. Typed with marks, a word must
// carry the number's own ("tầm tuổi" is "about the age"). Like
// namesAgeUnder16 it allocates nothing.
func spellsAgeUnder16(low []byte) bool {
	value, phase := 0, 0    // phase: 0 no number, 1 a unit, 2 "mười" or tens, 3 tens and a unit
	var before, last []byte // the word before the number; the word before this one
	for i := 0; i < len(low); {
		if !wordByte(low[i]) {
			i++
			continue
		}
		start := i
		for i < len(low) && wordByte(low[i]) {
			i++
		}
		w := low[start:i]
		u, ten, tail := spelledUnit(w)
		switch {
		case ten && phase == 0:
			value, phase, before = 10, 2, last
		case ten && phase == 1:
			value, phase = value*10, 2
		case u > 0 && phase == 0 && !tail:
			value, phase, before = u, 1, last
		case u > 0 && phase == 2:
			value, phase = value+u, 3
		case phase > 0 && hasWords(low[start:], "thang tuoi"):
			return true
		case phase > 0 && hasWords(w, "tuoi"):
			zodiac := value == 5 && phase == 1 && (hasWords(before, "la") || hasWords(before, "dung") || hasWords(before, "vao") || hasWords(before, "gap"))
			if value < 16 && !zodiac {
				return true
			}
			value, phase = 0, 0
		default:
			value, phase = 0, 0
		}
		last = w
	}
	return false
}

// spelledUnit reads one word of a spelled number: a unit from one to nine
// or ten ("mười", "mươi"); tail marks the units that only follow a ten
// ("lăm", "tư", "mốt": unmarked "lam", "tu" and "mot" are also "làm", "từ",
// "một"). Unmarked, the folded form counts; marked, only the number's own.
func spelledUnit(w []byte) (unit int, ten, tail bool) {
	ascii := true
	for _, c := range w {
		ascii = ascii && c < utf8.RuneSelf
	}
	for _, n := range spelledUnits {
		if ascii && string(w) == n.plain {
			return n.unit, n.unit == 10, n.tail
		}
		for _, m := range n.marked {
			if !ascii && string(w) == m {
				return n.unit, n.unit == 10, n.tail
			}
		}
	}
	return 0, false, false
}

var spelledUnits = []struct {
	plain  string
	marked []string
	unit   int
	tail   bool
}{
	{"mot", []string{"một"}, 1, false}, {"", []string{"mốt"}, 1, true}, {"hai", nil, 2, false}, {"ba", nil, 3, false},
	{"bon", []string{"bốn"}, 4, false}, {"tu", []string{"tư"}, 4, true}, {"nam", []string{"năm"}, 5, false},
	{"lam", []string{"lăm"}, 5, true}, {"sau", []string{"sáu"}, 6, false}, {"bay", []string{"bảy", "bẩy"}, 7, false},
	{"tam", []string{"tám"}, 8, false}, {"chin", []string{"chín"}, 9, false}, {"muoi", []string{"mười", "mươi"}, 10, false},
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// wordByte reports whether c is part of a word: an ASCII letter or digit,
// or any byte of a multi-byte rune.
func wordByte(c byte) bool {
	return c >= utf8.RuneSelf || 'a' <= c && c <= 'z' || isDigit(c)
}

// endsWord reports whether b ends with the word w (and a space), no
// letter or digit before it.
func endsWord(b []byte, w string) bool {
	return bytes.HasSuffix(b, []byte(w)) && (len(b) == len(w) || !wordByte(b[len(b)-len(w)-1]))
}

// hasWords reports whether b starts with the words want (folded, ASCII,
// single spaces) followed by no letter or digit.
func hasWords(b []byte, want string) bool {
	k := 0
	for len(b) > 0 && k < len(want) {
		r, size := utf8.DecodeRune(b)
		if f := foldRune(r); f != 0 {
			if f != rune(want[k]) {
				return false
			}
			k++
		}
		b = b[size:]
	}
	return k == len(want) && (len(b) == 0 || !wordByte(b[0]))
}

// kind returns the kind named name, nil when there is none.
func (d *detector) kind(name string) *dangerKind {
	for _, k := range d.kinds {
		if k.Kind == name {
			return k
		}
	}
	return nil
}

// takeOver returns the alarm of the kind that takes over urgent alarm a
// (TakesOver) when m holds one of its markers, else a.
func (d *detector) takeOver(m *dmsg, a Alarm) Alarm {
	if !a.Urgent {
		return a
	}
	for _, k := range d.kinds {
		if k.TakesOver == "" || k.Kind == a.Kind || !k.Urgent {
			continue
		}
		for _, ph := range d.markers[k.TakesOver] {
			if m.hitsOf(ph.id) != nil {
				return Alarm{Kind: k.Kind, Entry: k.Entry, Urgent: true, Phrase: a.Phrase + "; " + ph.text, Cry: a.Cry}
			}
		}
	}
	return a
}

// detectWords is detect by the vocabulary alone, without the model.
func (d *detector) detectWords(text string) (Alarm, bool) {
	m, _ := d.pool.Get().(*dmsg)
	if m == nil {
		m = &dmsg{}
	}
	defer d.pool.Put(m)
	if !d.tokens(m, text) {
		return Alarm{}, false // no danger phrase: the common case, decided cheaply
	}
	return d.judge(m)
}

// judge decides what the phrases found in m say.
func (d *detector) judge(m *dmsg) (Alarm, bool) {
	if len(m.syl) == 0 {
		return Alarm{}, false
	}
	found := false
	for _, id := range m.hitIDs {
		found = found || d.danger[id]
	}
	if !found {
		return Alarm{}, false // only markers or vetoes: the common case, decided cheaply
	}
	c := d.newCalmer(m)
	marker, spare := c.marker, c.spare
	vetoed := m.vetoed
	kindVetoed := m.kindVetoed
	at := -1 // where the last phrase hit starts, the latest of its spans
	hit := func(ph *dphrase) bool {
		found := false
		for _, span := range m.hitsOf(ph.id) {
			clear := true
			for i := span[0]; i < span[1]; i++ {
				clear = clear && !vetoed[i] && !kindVetoed[i]
			}
			if clear {
				found, at = true, max(at, span[0])
			}
		}
		return found
	}
	held := d.kindsHit(m)
	for ki, k := range d.kinds {
		if held&(1<<ki) == 0 {
			continue // none of its phrases: it finds no phrase below
		}
		kindVetoed = m.mask(kindVetoed, k.unsaid)
		m.kindVetoed = kindVetoed
		phrase := ""
		at = -1
		for _, ph := range k.phrases {
			if hit(ph) {
				phrase = ph.text
				break
			}
		}
		for i, c := range k.combos {
			if phrase != "" {
				break
			}
			at = -1
			a, b := firstHit(c[0], hit), firstHit(c[1], hit)
			switch {
			case a != "" && b != "":
				phrase = a + " + " + b
			case a != "" && k.bare[i] && m.bare():
				phrase = a + " (bare message)"
			}
		}
		if phrase == "" && len(k.signals) > 0 {
			phrase, at = m.signals(k, hit), -1
		}
		// A past told before it does not calm a danger that a "today"
		// marker after that past brings back ("năm ngoái em đã ly hôn …,
		// hôm nay anh ta lại đến, đang đập phá nhà").
		calmBy := marker
		if at >= 0 && d.nowAfterPast(m, at) {
			calmBy = func(name string) bool { return name != "past" && marker(name) }
		} else if at >= 0 && d.plainNowAfterPast(c, at) {
			// "năm ngoái nhà em bị cháy …, bây giờ làm lại giấy tờ ở
			// đâu": the "bây giờ" after a past danger opens the question.
			calmBy = func(name string) bool { return name == "past" || name != "now" && marker(name) }
		}
		if phrase == "" || k.calmed(calmBy, spare) {
			continue
		}
		return Alarm{Kind: k.Kind, Entry: k.Entry, Urgent: k.Urgent, Phrase: phrase, Cry: marker("cry")}, true
	}
	return Alarm{}, false
}

// kindsHit returns the kinds (bit k: d.kinds[k]) some phrase of which
// m holds: only those can fire in judge. All bits are set when kindsOf
// was not built.
func (d *detector) kindsHit(m *dmsg) uint64 {
	if d.kindsOf == nil {
		return ^uint64(0)
	}
	var held uint64
	for _, id := range m.hitIDs {
		held |= d.kindsOf[id]
	}
	return held
}

// calmer reads the markers of a message whose phrases were matched
// (vetoes and markers too) for judge and for the danger model's kind: it
// is a value on the caller's stack, so reading allocates nothing.
type calmer struct {
	d *detector
	m *dmsg
}

// newCalmer returns the calmer of m; it sets m.vetoed and forgets the
// markers read so far (m.mhas).
func (d *detector) newCalmer(m *dmsg) calmer {
	m.vetoed = m.mask(m.vetoed, d.veto)
	for _, ph := range d.idioms {
		for _, span := range m.hitsOf(ph.id) {
			for i := span[0]; i < span[1]; i++ {
				m.vetoed[i] = true
			}
		}
	}
	for _, ph := range d.lift {
		for _, span := range m.hitsOf(ph.id) {
			clear(m.vetoed[span[0]:span[1]])
		}
	}
	if n := len(d.markerAt); cap(m.mhas) < n {
		m.mhas = make([]uint8, n)
	} else {
		m.mhas = m.mhas[:n]
		clear(m.mhas)
	}
	return calmer{d, m}
}

// outOfDanger names the marker list of a danger told as over ("hết nguy
// hiểm", "qua cơn nguy kịch"): a "now" marker inside one ("nguy hiểm")
// says nothing of now, and the list calms the kinds that name it.
const outOfDanger = "out_of_danger"

// A "now" marker inside a veto phrase is no marker: "hỗ trợ khẩn cấp"
// (emergency relief, a programme) says nothing of now. A calming marker
// counts wherever it is: the veto phrases that hold one name a programme
// or a paper ("được hỗ trợ khẩn cấp", "bảo hiểm tai nạn"), so "bị cháy nhà
// … được hỗ trợ khẩn cấp bao nhiêu" asks about relief. Nor is one inside a
// longer danger phrase: the "gấp" of "thở gấp" (rapid breathing) says
// nothing of now.
func (c calmer) inLonger(span [2]int) bool {
	for _, id := range c.m.hitIDs {
		if !c.d.danger[id] {
			continue
		}
		for _, sp := range c.m.hitsOf(id) {
			if sp[0] <= span[0] && span[1] <= sp[1] && sp[1]-sp[0] > span[1]-span[0] {
				return true
			}
		}
	}
	return false
}

func (c calmer) nowClear(id int32) bool {
	for _, span := range c.m.hitsOf(id) {
		if c.inLonger(span) || c.m.within(span, c.d.markers[outOfDanger]) || c.settledNow(span) {
			continue
		}
		for i := span[0]; i < span[1]; i++ {
			if !c.m.vetoed[i] {
				return true
			}
		}
	}
	return false
}

// settledNow reports whether the "now" marker at span is a plain word of
// now ("now_plain") whose clause, after it, holds a phrase of a
// now_settled list: "bây giờ anh đã tỉnh" tells the harm over.
func (c calmer) settledNow(span [2]int) bool {
	m := c.m
	if len(c.d.nowSettled) == 0 || !m.within(span, c.d.markers["now_plain"]) {
		return false
	}
	end := clauseEnd(m, span[1]-1)
	for _, name := range c.d.nowSettled {
		if m.hitIn(c.d.markers[name], span[1], end+1) {
			return true
		}
	}
	return false
}

// adviceOK names the marker list of asking whether a remedy is all right
// ("uống thuốc nam có được không", "bôi dầu gió có được không"): a calming
// marker inside one ("có được") asks about no benefit.
const adviceOK = "advice_ok"

// calmHit reports whether phrase id is in the message outside the
// phrases of the advice_ok list.
func (c calmer) calmHit(id int32) bool {
	for _, span := range c.m.hitsOf(id) {
		if !c.m.within(span, c.d.markers[adviceOK]) {
			return true
		}
	}
	return false
}

// marker reports whether a phrase of the marker list name is in the
// message (for "now" and "cry": outside the veto phrases and longer
// danger phrases; for "hypothetical": a danger supposed,
// detector.supposed).
func (c calmer) marker(name string) bool {
	if name == hypotheticalList {
		return c.d.supposed(c.m) // a kind's calm: detector.supposed
	}
	i, known := c.d.markerAt[name]
	if known && c.m.mhas[i] != 0 {
		return c.m.mhas[i] == markerFound
	}
	v := false
	for _, ph := range c.d.markers[name] {
		if clearOnly := name == "now" || name == "cry"; clearOnly && c.nowClear(ph.id) || !clearOnly && c.calmHit(ph.id) {
			v = true
			break
		}
	}
	if known {
		c.m.mhas[i] = markerAbsent
		if v {
			c.m.mhas[i] = markerFound
		}
	}
	return v
}

// What dmsg.mhas holds of a marker list: 0 not read yet.
const (
	markerAbsent = 1
	markerFound  = 2
)

// spare reports whether a marker that voids a calming list (Unless: a
// person beside a sick animal) is in the message outside the veto
// phrases: the unmarked "bo" of "lon bo an" (a pig off its food) is no
// father ("bố").
func (c calmer) spare(name string) bool {
	for _, ph := range c.d.markers[name] {
		for _, span := range c.m.hitsOf(ph.id) {
			for i := span[0]; i < span[1]; i++ {
				if !c.m.vetoed[i] {
					return true
				}
			}
		}
	}
	return false
}

// signals returns the signals of k found in the message when there are at
// least k.MinSignals of them that do not overlap, else "".
func (m *dmsg) signals(k *dangerKind, hit func(*dphrase) bool) string {
	var found []string
	used := make([]bool, len(m.syl))
next:
	for _, ph := range k.signals {
		if !hit(ph) {
			continue
		}
		for _, span := range m.hitsOf(ph.id) {
			for i := span[0]; i < span[1]; i++ {
				if used[i] {
					continue next
				}
			}
			for i := span[0]; i < span[1]; i++ {
				used[i] = true
			}
			found = append(found, ph.text)
			break
		}
	}
	if len(found) < k.MinSignals {
		return ""
	}
	return strings.Join(found, " + ")
}

// nowAfterPast reports whether a "today" marker (not inside a "lately"
// one) lies between the last "past" marker before syllable at and at.
func (d *detector) nowAfterPast(m *dmsg, at int) bool {
	past := d.pastEnd(m, at)
	if past < 0 {
		return false
	}
	for _, ph := range d.markers["today"] {
		for _, sp := range m.hitsOf(ph.id) {
			if sp[0] >= past && sp[1] <= at && !m.within(sp, d.markers["lately"]) {
				return true
			}
		}
	}
	return false
}

// pastInClause returns where the first "past" marker after syllable at,
// in its clause, ends; -1 when there is none.
func (d *detector) pastInClause(m *dmsg, at int) int {
	end := clauseEnd(m, at)
	past := -1
	for _, ph := range d.markers["past"] {
		for _, sp := range m.hitsOf(ph.id) {
			if sp[0] > at && sp[1] <= end+1 && (past < 0 || sp[1] < past) {
				past = sp[1]
			}
		}
	}
	return past
}

// pastEnd returns where the last "past" marker ending before syllable at
// ends, -1 when there is none.
func (d *detector) pastEnd(m *dmsg, at int) int {
	past := -1
	for _, ph := range d.markers["past"] {
		for _, sp := range m.hitsOf(ph.id) {
			if sp[1] <= at {
				past = max(past, sp[1])
			}
		}
	}
	return past
}

// plainNowAfterPast reports whether a danger at syllable at is told after
// a "past" marker, or with one later in its own clause ("bị rắn cắn từ 10
// năm trước"), and every "now" marker of the message is a plain word of
// time ("now_plain": "bây giờ", "lúc này") after both: the story is over
// and the "now" opens what is asked ("…, bây giờ tay vẫn tê, có được trợ
// cấp không").
func (d *detector) plainNowAfterPast(c calmer, at int) bool {
	m := c.m
	after := at // a "now" marker must start past this syllable
	if d.pastEnd(m, at) < 0 {
		end := d.pastInClause(m, at)
		if end < 0 {
			return false
		}
		after = end - 1
	}
	plain := false
	for _, ph := range d.markers["now"] {
		if !c.nowClear(ph.id) {
			continue
		}
		for _, sp := range m.hitsOf(ph.id) {
			if sp[0] <= after || !m.within(sp, d.markers["now_plain"]) {
				return false
			}
			plain = true
		}
	}
	return plain
}

func firstHit(list []*dphrase, hit func(*dphrase) bool) string {
	for _, ph := range list {
		if hit(ph) {
			return ph.text
		}
	}
	return ""
}

func (k *dangerKind) calmed(marker, spare func(string) bool) bool {
	if k.calmedAlways(marker, spare) {
		return true
	}
	for _, name := range k.Calm {
		if k.calms(name, marker, spare) {
			return !marker("now")
		}
	}
	return false
}

// calmedAlways reports whether a list of k's calm_always is in the
// message (marker), and none of the lists that void it (spare).
func (k *dangerKind) calmedAlways(marker, spare func(string) bool) bool {
	for _, name := range k.CalmAlways {
		if k.calms(name, marker, spare) {
			return true
		}
	}
	return false
}

// calms reports whether the marker list name is in the message and none
// of the lists k's unless voids it with.
func (k *dangerKind) calms(name string, marker, spare func(string) bool) bool {
	if strings.IndexByte(name, '+') >= 0 {
		// "a+b": every list named is in the message.
		for part := range strings.SplitSeq(name, "+") {
			if !marker(part) {
				return false
			}
		}
	} else if !marker(name) {
		return false
	}
	for _, s := range k.Unless[name] {
		if spare(s) {
			return false
		}
	}
	return true
}

// cut splits text, which m was scanned from, where syllable i's word
// starts (the first word typed from i on; for a word teencode or an
// abbreviation stands for, the word typed). Both parts are as typed
// (capitals name places) where the lower-case copy lines up with text
// byte for byte, as it does for Vietnamese typed in composed form; else
// lower case. ok is false when no word is typed from i on.
func (m *dmsg) cut(text string, i int) (before, after string, ok bool) {
	off := m.offset(i)
	if off < 0 {
		return "", "", false
	}
	if len(m.low) == len(text) && utf8.RuneStart(text[off]) {
		return text[:off], text[off:], true
	}
	return string(m.low[:off]), string(m.low[off:]), true
}

// part returns the text of m's syllables from i up to (not including)
// j, as dmsg.cut gives it (text is what m was scanned from).
func (m *dmsg) part(text string, i, j int) string {
	_, after, ok := m.cut(text, i)
	if !ok {
		return ""
	}
	if _, rest, ok := m.cut(text, j); ok && len(rest) <= len(after) {
		return after[:len(after)-len(rest)]
	}
	return after
}

// offset returns the byte offset in m.low of the first word typed from
// syllable i on (for a word teencode or an abbreviation stands for, the
// word typed: "không. Bhyt đi …" cuts before "Bhyt"), -1 when none is.
func (m *dmsg) offset(i int) int {
	for ; i < len(m.syl); i++ {
		if w := m.syl[i].word; w != nil {
			if &w[0] == &star[0] {
				// The gap word "*" is the package's own slice, not a
				// part of m.low: its offset would be out of range.
				continue
			}
			return cap(m.low) - cap(w)
		}
		if w := m.syl[i].src; w != nil {
			return cap(m.low) - cap(w)
		}
	}
	return -1
}

// overlaps reports whether span shares a syllable with a hit of a phrase
// of list.
func (m *dmsg) overlaps(span [2]int, list []*dphrase) bool {
	for _, ph := range list {
		for _, sp := range m.hitsOf(ph.id) {
			if sp[0] < span[1] && span[0] < sp[1] {
				return true
			}
		}
	}
	return false
}

// within reports whether span lies inside a match of a phrase of list.
func (m *dmsg) within(span [2]int, list []*dphrase) bool {
	for _, ph := range list {
		for _, sp := range m.hitsOf(ph.id) {
			if sp[0] <= span[0] && span[1] <= sp[1] {
				return true
			}
		}
	}
	return false
}
