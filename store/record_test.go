package store

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// recordPair is a domain type stored in bbolt and its record in this
// package, with the round trip through the record's JSON.
type recordPair struct {
	domain, record reflect.Type
	// keyed names the domain fields kept in the bbolt key rather than in
	// the record; the round trip leaves them zero.
	keyed     []string
	roundTrip func(any) (any, error)
}

func pair[D, R any](to func(*D) R, from func(*R) D, keyed ...string) recordPair {
	return recordPair{
		domain: reflect.TypeFor[D](), record: reflect.TypeFor[R](), keyed: keyed,
		roundTrip: func(v any) (any, error) {
			d := v.(D)
			data, err := json.Marshal(to(&d))
			if err != nil {
				return nil, err
			}
			var r R
			if err := json.Unmarshal(data, &r); err != nil {
				return nil, err
			}
			return from(&r), nil
		},
	}
}

// storedTypes lists every domain struct the store writes, with its record.
// A new stored domain type gets a record and a line here.
var storedTypes = []recordPair{
	pair(userToRecord, userFromRecord),
	pair(ticketToRecord, ticketFromRecord),
	pair(auditToRecord, auditFromRecord),
	pair(reminderToRecord, reminderFromRecord),
	pair(deliveryToRecord, deliveryFromRecord),
	pair(logToRecord, logFromRecord),
	pair(updateToRecord, updateFromRecord),
	pair(chatLoadToRecord, chatLoadFromRecord),
	pair(webMailToRecord, webMailFromRecord),
	pair(sessionToRecord, func(r *sessionRecord) bot.Session { return sessionFromRecord("", r) }, "Hash"),
	pair(loginLinkToRecord, func(r *loginLinkRecord) bot.LoginLink { return loginLinkFromRecord("", r) }, "Hash"),
	pair(unansweredToRecord, unansweredFromRecord),
}

// ownRecords are written by putJSON but mirror no one domain type: they
// hold the store's own bookkeeping, or wrap a guarded record.
var ownRecords = map[string]bool{
	"sentRecord":   true, // what is kept of a delivered row
	"holdRecord":   true, // a chat waiting for a retry
	"deadRecord":   true, // a deliveryRecord with why it died
	"parkedRecord": true, // an updateRecord with why it was parked
}

// TestEveryRecordIsGuarded fails when a type putJSON may write (it has a
// storedRecord method) is neither in storedTypes nor in ownRecords, so the
// field guard would not watch it.
func TestEveryRecordIsGuarded(t *testing.T) {
	guarded := map[string]bool{}
	for _, p := range storedTypes {
		guarded[p.record.Name()] = true
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	n := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Name.Name != "storedRecord" || fn.Recv == nil {
				continue
			}
			id, ok := fn.Recv.List[0].Type.(*ast.Ident)
			if !ok {
				t.Errorf("store/%s: storedRecord on %T: declare it on the record value type", name, fn.Recv.List[0].Type)
				continue
			}
			n++
			if !guarded[id.Name] && !ownRecords[id.Name] {
				t.Errorf("%s (store/%s) is written by putJSON but the field guard does not watch it: add pair(…ToRecord, …FromRecord) to storedTypes in store/record_test.go",
					id.Name, name)
			}
		}
	}
	if n < len(storedTypes) {
		t.Errorf("found %d storedRecord methods, fewer than the %d records in storedTypes", n, len(storedTypes))
	}
}

// recordFiles maps each type declared in the package's non-test files to
// its file, for the guard's message.
func recordFiles(t *testing.T) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if ts, ok := n.(*ast.TypeSpec); ok {
				out[ts.Name.Name] = "store/" + name
			}
			return true
		})
	}
	return out
}

// elem strips pointers, slices and maps down to the stored element type.
func elem(t reflect.Type) reflect.Type {
	for {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
			t = t.Elem()
		default:
			return t
		}
	}
}

var timeType = reflect.TypeFor[time.Time]()

// missingFields lists the exported fields of domain (and of the structs
// it holds, recursively) that record does not carry.
func missingFields(domain, record reflect.Type, keyed []string, files map[string]string) []string {
	var out []string
	for i := range domain.NumField() {
		f := domain.Field(i)
		if !f.IsExported() || contains(keyed, f.Name) {
			continue
		}
		where := fmt.Sprintf("%s in %s", record.Name(), files[record.Name()])
		rf, ok := record.FieldByName(f.Name)
		if !ok {
			out = append(out, fmt.Sprintf("%s.%s is not stored: add it to %s, with its JSON name, and to the record's to/from functions",
				domain, f.Name, where))
			continue
		}
		de, re := elem(f.Type), elem(rf.Type)
		switch {
		case de.Kind() != re.Kind() || f.Type.Kind() != rf.Type.Kind():
			out = append(out, fmt.Sprintf("%s.%s is %s but %s.%s is %s", domain, f.Name, f.Type, record.Name(), f.Name, rf.Type))
		case de.Kind() != reflect.Struct || de == timeType:
		case de == re && de.PkgPath() == domain.PkgPath():
			out = append(out, fmt.Sprintf("%s.%s is stored as %s itself: give it a record in %s", domain, f.Name, de, where))
		case de != re:
			out = append(out, missingFields(de, re, nil, files)...)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// TestRecordsCarryEveryField fails when a domain struct the store writes
// gains an exported field its record does not carry: the field would be
// dropped on the next save, silently.
func TestRecordsCarryEveryField(t *testing.T) {
	files := recordFiles(t)
	for _, p := range storedTypes {
		for _, msg := range missingFields(p.domain, p.record, p.keyed, files) {
			t.Error(msg)
		}
	}
}

// fill sets every field of v, recursively, to a value distinct from zero.
func fill(v reflect.Value, seed *int) {
	*seed++
	n := *seed
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("s%d", n))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(n))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(uint64(n))
	case reflect.Float32, reflect.Float64:
		v.SetFloat(float64(n) + 0.5)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), seed)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		fill(v.Index(0), seed)
		fill(v.Index(1), seed)
	case reflect.Map:
		v.Set(reflect.MakeMap(v.Type()))
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		fill(k, seed)
		fill(e, seed)
		v.SetMapIndex(k, e)
	case reflect.Struct:
		if v.Type() == timeType {
			v.Set(reflect.ValueOf(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(n) * time.Minute)))
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), seed)
			}
		}
	default:
		panic(fmt.Sprintf("fill: no value for %s", v.Type()))
	}
}

// TestRecordsRoundTrip takes a domain value with every field set through
// its record's JSON and back: a field the record has but its to/from
// functions forget comes back zero.
func TestRecordsRoundTrip(t *testing.T) {
	for _, p := range storedTypes {
		seed := 0
		v := reflect.New(p.domain).Elem()
		fill(v, &seed)
		for _, k := range p.keyed {
			v.FieldByName(k).SetZero()
		}
		got, err := p.roundTrip(v.Interface())
		if err != nil {
			t.Errorf("%s: %v", p.domain, err)
			continue
		}
		if !reflect.DeepEqual(got, v.Interface()) {
			t.Errorf("%s changed through %s:\n got %+v\nwant %+v", p.domain, p.record.Name(), got, v.Interface())
		}
	}
}

// TestDueProbeFollowsDelivery keeps OpsStats' partial decoding of outbox
// rows in step with deliveryRecord.
func TestDueProbeFollowsDelivery(t *testing.T) {
	data, err := json.Marshal(deliveryRecord{Channel: "zalo"})
	if err != nil {
		t.Fatal(err)
	}
	var p dueProbe
	if err := json.Unmarshal(data, &p); err != nil || p.Channel != "zalo" {
		t.Errorf("dueProbe read %q (err %v) from %s, want zalo", p.Channel, err, data)
	}
}
