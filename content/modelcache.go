package content

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
)

// The trained models (the topic classifier with its entry models, the
// SVM view and the danger model) are most of a load's time. LoadCached
// keeps them in a file and reads them back on the next start when nothing
// they were trained from has changed: the fingerprint covers every content
// file and the caller's identity of the program (its training code and
// constants). See docs/architecture.md, "Start-up".

// modelMagic starts a model cache file; a new layout takes a new number.
const modelMagic = "ansinh models 2\n"

// CacheInfo says what LoadCached did with the model cache.
type CacheInfo struct {
	Hit     bool  // the models were read from the cache
	Shipped bool  // the models were read from the shipped file (the cache left as it was)
	Written bool  // the models were trained and the cache (re)written
	Err     error // the cache could not be read or written; the load went on without it
}

// trained are the models build would otherwise train.
type trained struct {
	clf    *classifier
	svm    *svmView
	danger *svmView // the danger model's view; nil: not trained (no DangerFile)
}

// untrained are no models: loadTrained leaves every model out.
var untrained = &trained{}

// LoadCached is Load with the trained models kept in the file at path
// (0600, replaced atomically). program identifies the running program's
// training code: a cache written by another build is not read. When path
// does not hold this content's and this program's models and shipped is
// not empty, they are read from shipped, a file written the same way when
// the program was built (a release carries it); path is then left as it
// is. A missing, stale or damaged file costs only the training;
// CacheInfo.Err reports why a file was not used (a missing cache or a
// stale file is not an error; a missing shipped file is, since the
// operator named it) or the cache could not be written. An empty path
// keeps no cache: the models are read from shipped or trained, and no
// file is written.
func LoadCached(fsys fs.FS, path, shipped, program string) (*KB, CacheInfo, error) {
	var info CacheInfo
	key, err := modelKey(fsys, program)
	if err != nil {
		return nil, info, err
	}
	var tm *trained
	if path != "" {
		tm, err = readModels(path, key)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			info.Err = err
		}
	}
	if tm == nil && shipped != "" {
		tm, err = readModels(shipped, key)
		if err != nil && info.Err == nil {
			info.Err = err
		}
		info.Shipped = tm != nil
	}
	kb, problems, err := loadTrained(fsys, tm)
	if err != nil {
		return nil, info, err
	}
	if len(problems) > 0 {
		return nil, info, problems
	}
	if tm != nil {
		info.Hit = !info.Shipped
		return kb, info, nil
	}
	if path == "" {
		return kb, info, nil
	}
	if err := writeModels(path, key, kb.models()); err != nil {
		info.Err = err
	} else {
		info.Written = true
	}
	return kb, info, nil
}

// models returns kb's trained models.
func (kb *KB) models() trained {
	m := trained{clf: kb.clf, svm: kb.svm}
	if kb.det.model != nil {
		m.danger = kb.det.model.view
	}
	return m
}

// modelKey fingerprints what the models are trained from.
func modelKey(fsys fs.FS, program string) ([32]byte, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s%s\x00%d\x00", modelMagic, program, len(Topics))
	for _, t := range Topics {
		fmt.Fprintf(h, "%s\x00", t)
	}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", p, len(data))
		h.Write(data)
		return nil
	})
	var key [32]byte
	if err != nil {
		return key, fmt.Errorf("read content: %w", err)
	}
	copy(key[:], h.Sum(nil))
	return key, nil
}

// writeModels writes m to path: the magic, the key, the models, and a
// CRC-32C of everything before it.
func writeModels(path string, key [32]byte, m trained) error {
	var w modelWriter
	w.buf = append(w.buf, modelMagic...)
	w.buf = append(w.buf, key[:]...)
	w.linear(m.clf.linear)
	w.strings(m.clf.topics)
	w.floats(m.clf.idf)
	w.int(len(m.clf.entries))
	for _, e := range m.clf.entries {
		w.linear(e.linear)
		w.int32s(e.members)
	}
	w.svm(m.svm)
	w.svm(m.danger)
	w.buf = binary.LittleEndian.AppendUint32(w.buf, crc32.Checksum(w.buf, castagnoli))
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("model cache: %w", err)
	}
	defer os.Remove(tmp.Name()) // after the rename: nothing left to remove
	if _, err := tmp.Write(w.buf); err != nil {
		tmp.Close()
		return fmt.Errorf("model cache: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("model cache: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("model cache: %w", err)
	}
	return nil
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// readModels reads the models cached at path for key; nil, nil when the
// cache is stale.
func readModels(path string, key [32]byte) (*trained, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	head := len(modelMagic) + len(key)
	if len(data) < head || string(data[:len(modelMagic)]) != modelMagic {
		return nil, fmt.Errorf("model cache %s: not a model cache of this layout", path)
	}
	if string(data[len(modelMagic):head]) != string(key[:]) {
		return nil, nil // stale: trained again and replaced
	}
	if len(data) < head+4 {
		return nil, fmt.Errorf("model cache %s: truncated", path)
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.Checksum(body, castagnoli) != sum {
		return nil, fmt.Errorf("model cache %s: damaged (checksum)", path)
	}
	m, err := decodeModels(body[head:])
	if err != nil {
		return nil, fmt.Errorf("model cache %s: %w", path, err)
	}
	return m, nil
}

// decodeModels reads the models writeModels wrote, checking every length
// against what it describes.
func decodeModels(body []byte) (*trained, error) {
	r := modelReader{buf: body}
	c := &classifier{linear: r.linear()}
	c.topics = r.strings()
	c.idf = r.floats()
	c.entries = make([]entryModel, r.count(4))
	for i := range c.entries {
		e := &c.entries[i]
		e.linear = r.linear()
		e.members = r.int32s()
		if e.nc > 0 {
			e.packed = packByBucket(e.nc, e.w, e.b, nil)
		}
	}
	svm := r.svm()
	danger := r.svm()
	switch {
	case r.err != nil:
		return nil, r.err
	case len(r.buf) != 0:
		return nil, errors.New("trailing bytes")
	case !slices.Equal(c.topics, Topics) || c.nc != len(Topics) || len(c.entries) != len(Topics) || len(c.idf) != int(c.mask)+1:
		return nil, errors.New("the classifier does not fit the topics")
	case (svm != nil) != (svmBeta > 0):
		return nil, errors.New("the SVM view does not fit the blend")
	}
	return &trained{clf: c, svm: svm, danger: danger}, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// modelWriter appends little-endian values to buf.
type modelWriter struct{ buf []byte }

func (w *modelWriter) int(n int) { w.buf = binary.LittleEndian.AppendUint64(w.buf, uint64(n)) }

func (w *modelWriter) linear(l linear) {
	w.int(l.nc)
	w.int(int(l.mask))
	w.floats(l.w)
	w.floats(l.b)
}

// appendSlice appends v's length and its values (encoding/binary's fast
// path for slices of fixed-size values, no reflection).
func appendSlice[T float32 | int32 | uint16](w *modelWriter, v []T) {
	w.int(len(v))
	w.buf, _ = binary.Append(w.buf, binary.LittleEndian, v) // fails only for values of no fixed size
}

func (w *modelWriter) floats(v []float32) { appendSlice(w, v) }
func (w *modelWriter) int32s(v []int32)   { appendSlice(w, v) }
func (w *modelWriter) uint16s(v []uint16) { appendSlice(w, v) }

// svm writes v (nil: a zero flag).
func (w *modelWriter) svm(v *svmView) {
	w.int(boolInt(v != nil))
	if v != nil {
		w.int(v.nc)
		w.uint16s(v.row)
		w.bytes(v.q)
		w.floats(v.scale)
		w.floats(v.b)
	}
}

func (w *modelWriter) bytes(v []byte) {
	w.int(len(v))
	w.buf = append(w.buf, v...)
}

func (w *modelWriter) strings(v []string) {
	w.int(len(v))
	for _, s := range v {
		w.bytes([]byte(s))
	}
}

// modelReader reads what modelWriter wrote; the first error sticks and
// every later read returns zero values.
type modelReader struct {
	buf []byte
	err error
}

func (r *modelReader) take(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.buf) {
		r.err = errors.New("truncated")
		return nil
	}
	b := r.buf[:n:n]
	r.buf = r.buf[n:]
	return b
}

func (r *modelReader) int() int {
	b := r.take(8)
	if b == nil {
		return 0
	}
	n := binary.LittleEndian.Uint64(b)
	if n > math.MaxInt32 {
		r.err = errors.New("bad length")
		return 0
	}
	return int(n)
}

// count reads a count of items of at least size bytes each, which the
// rest of the buffer must be able to hold.
func (r *modelReader) count(size int) int {
	n := r.int()
	if r.err == nil && n*size > len(r.buf) {
		r.err = errors.New("truncated")
		return 0
	}
	return n
}

func (r *modelReader) linear() linear {
	l := linear{nc: r.int(), mask: uint32(r.int())}
	l.w = r.floats()
	l.b = r.floats()
	if r.err == nil && (len(l.b) != l.nc || len(l.w) != (int(l.mask)+1)*l.nc) {
		r.err = errors.New("weights do not fit their classes")
	}
	return l
}

// readSlice reads what appendSlice wrote.
func readSlice[T float32 | int32 | uint16](r *modelReader) []T {
	size := binary.Size(T(0))
	b := r.take(size * r.count(size))
	v := make([]T, len(b)/size)
	if _, err := binary.Decode(b, binary.LittleEndian, v); err != nil && r.err == nil {
		r.err = err
	}
	return v
}

func (r *modelReader) floats() []float32 { return readSlice[float32](r) }
func (r *modelReader) int32s() []int32   { return readSlice[int32](r) }
func (r *modelReader) uint16s() []uint16 { return readSlice[uint16](r) }

// svm reads what modelWriter.svm wrote, checking that every bucket's row
// and every class fits the table.
func (r *modelReader) svm() *svmView {
	if r.int() != 1 {
		return nil
	}
	v := &svmView{nc: r.int()}
	v.row = r.uint16s()
	v.q = r.bytes()
	v.scale = r.floats()
	v.b = r.floats()
	if r.err != nil {
		return nil
	}
	ok := v.nc > 0 && v.nc <= svmIDFAt && len(v.row) == svmBuckets && len(v.b) == v.nc && len(v.scale) == v.nc && len(v.q)%svmRowBytes == 0
	for _, row := range v.row {
		ok = ok && (int(row)+1)*svmRowBytes <= len(v.q)
	}
	if !ok {
		r.err = errors.New("an SVM view does not fit its table")
		return nil
	}
	return v
}

func (r *modelReader) bytes() []byte {
	return slices.Clone(r.take(r.count(1)))
}

func (r *modelReader) strings() []string {
	v := make([]string, r.count(8))
	for i := range v {
		v[i] = string(r.bytes())
	}
	return v
}
