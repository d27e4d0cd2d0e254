package store

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// bbolt's meta page, as laid out in the file: a 16-byte page header, then
// magic, version, page size and flags (4 bytes each), the root bucket (16),
// the freelist's page, the high-water page id, the transaction id and a
// checksum (8 each) over the meta's bytes before it. bbolt writes them in
// the machine's byte order.
const (
	metaMagic     = 0xED0CDAED
	metaAtMagic   = 16
	metaAtSize    = 24
	metaAtPgid    = 56
	metaAtTxid    = 64
	metaAtSum     = 72
	metaLen       = 80
	minPageSize   = 512
	maxPageSize   = 1 << 20
	firstMetaPage = 0
)

// checkHighWater refuses a file shorter than the pages its newest valid
// meta page says it holds. bbolt maps the file into memory and trusts the
// meta: checking a truncated copy reads pages past the end of the file,
// which faults and kills the process instead of returning an error. A file
// without a valid meta page is left to bbolt, which refuses it cleanly.
func checkHighWater(f *os.File, size int64) error {
	m0, ok0 := readMeta(f, firstMetaPage)
	pageSize := int64(4096)
	if ok0 {
		pageSize = int64(m0.pageSize)
	}
	m1, ok1 := readMeta(f, pageSize)
	m := m0
	switch {
	case ok0 && ok1 && m1.txid > m0.txid, !ok0 && ok1:
		m = m1
	case !ok0:
		return nil
	}
	if need := int64(m.pgid) * int64(m.pageSize); size < need {
		return fmt.Errorf("%w: truncated: %d bytes, its pages need %d", ErrNotADatabase, size, need)
	}
	return nil
}

type metaPage struct {
	pageSize   uint32
	pgid, txid uint64
}

// readMeta reads the meta page at byte offset at and reports whether its
// magic and checksum hold.
func readMeta(r io.ReaderAt, at int64) (metaPage, bool) {
	var b [metaLen]byte
	if _, err := r.ReadAt(b[:], at); err != nil {
		return metaPage{}, false
	}
	e := binary.NativeEndian
	h := fnv.New64a()
	h.Write(b[metaAtMagic:metaAtSum])
	m := metaPage{pageSize: e.Uint32(b[metaAtSize:]), pgid: e.Uint64(b[metaAtPgid:]), txid: e.Uint64(b[metaAtTxid:])}
	ok := e.Uint32(b[metaAtMagic:]) == metaMagic && h.Sum64() == e.Uint64(b[metaAtSum:]) &&
		m.pageSize >= minPageSize && m.pageSize <= maxPageSize
	return m, ok
}
