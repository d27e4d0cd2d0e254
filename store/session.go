package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"github.com/bacninh/ansinh/bot"
)

// Console sign-in links and sessions, keyed by the hash of their secret
// (bot.SecretHash). sessions.by_officer ("officer\x00hash" → nil) finds
// every session of one officer, to end them all at once.
var (
	bucketLoginLinks        = []byte("login_links")
	bucketSessions          = []byte("sessions")
	bucketSessionsByOfficer = []byte("sessions.by_officer")
)

type loginLinkRecord struct {
	Officer string    `json:"officer"`
	Created time.Time `json:"created"`
	Expires time.Time `json:"expires"`
	Used    time.Time `json:"used,omitzero"`
}

func (loginLinkRecord) storedRecord() {}

type sessionRecord struct {
	Officer  string    `json:"officer"`
	CSRF     string    `json:"csrf"`
	Created  time.Time `json:"created"`
	LastSeen time.Time `json:"last_seen"`
}

func (sessionRecord) storedRecord() {}

// The hash is the key, not part of the record.
func loginLinkToRecord(l *bot.LoginLink) loginLinkRecord {
	return loginLinkRecord{Officer: l.Officer, Created: l.Created, Expires: l.Expires, Used: l.Used}
}

func loginLinkFromRecord(hash string, r *loginLinkRecord) bot.LoginLink {
	return bot.LoginLink{Hash: hash, Officer: r.Officer, Created: r.Created, Expires: r.Expires, Used: r.Used}
}

func sessionToRecord(s *bot.Session) sessionRecord {
	return sessionRecord{Officer: s.Officer, CSRF: s.CSRF, Created: s.Created, LastSeen: s.LastSeen}
}

func sessionFromRecord(hash string, r *sessionRecord) bot.Session {
	return bot.Session{Hash: hash, Officer: r.Officer, CSRF: r.CSRF, Created: r.Created, LastSeen: r.LastSeen}
}

func officerKey(officer, hash string) []byte { return []byte(officer + "\x00" + hash) }

// PutLoginLink stores a new sign-in link.
func (t *txn) PutLoginLink(l bot.LoginLink) error {
	if l.Hash == "" || l.Officer == "" {
		return fmt.Errorf("put sign-in link: empty hash or officer")
	}
	rec := loginLinkToRecord(&l)
	if err := putJSON(t.tx.Bucket(bucketLoginLinks), []byte(l.Hash), rec); err != nil {
		return fmt.Errorf("save sign-in link of %s: %w", l.Officer, err)
	}
	return nil
}

// EndSessions deletes every session of officer and reports how many there were.
func (t *txn) EndSessions(officer string) (int, error) { return endSessions(t.tx, officer) }

func endSessions(tx *bbolt.Tx, officer string) (int, error) {
	idx := tx.Bucket(bucketSessionsByOfficer)
	prefix := []byte(officer + "\x00")
	var hashes []string
	c := idx.Cursor()
	for k, _ := c.Seek(prefix); k != nil && len(k) > len(prefix) && string(k[:len(prefix)]) == string(prefix); k, _ = c.Next() {
		hashes = append(hashes, string(k[len(prefix):]))
	}
	for _, h := range hashes {
		if err := deleteSession(tx, officer, h); err != nil {
			return 0, err
		}
	}
	return len(hashes), nil
}

func deleteSession(tx *bbolt.Tx, officer, hash string) error {
	if err := tx.Bucket(bucketSessions).Delete([]byte(hash)); err != nil {
		return fmt.Errorf("delete session of %s: %w", officer, err)
	}
	if err := tx.Bucket(bucketSessionsByOfficer).Delete(officerKey(officer, hash)); err != nil {
		return fmt.Errorf("delete session index of %s: %w", officer, err)
	}
	return nil
}

func getSession(tx *bbolt.Tx, hash string) (bot.Session, error) {
	v := tx.Bucket(bucketSessions).Get([]byte(hash))
	if v == nil {
		return bot.Session{}, fmt.Errorf("session: %w", bot.ErrNotFound)
	}
	var rec sessionRecord
	if err := json.Unmarshal(v, &rec); err != nil {
		return bot.Session{}, fmt.Errorf("decode session: %w", err)
	}
	return sessionFromRecord(hash, &rec), nil
}

func putSession(tx *bbolt.Tx, s bot.Session) error {
	rec := sessionToRecord(&s)
	if err := putJSON(tx.Bucket(bucketSessions), []byte(s.Hash), rec); err != nil {
		return fmt.Errorf("save session of %s: %w", s.Officer, err)
	}
	if err := tx.Bucket(bucketSessionsByOfficer).Put(officerKey(s.Officer, s.Hash), nil); err != nil {
		return fmt.Errorf("index session of %s: %w", s.Officer, err)
	}
	return nil
}

// SignIn redeems the sign-in link whose secret hashes to linkHash and
// stores s as a session of the link's officer, in one transaction: a link
// opens one session only, however many browsers race for it. It returns
// the stored session, or an error wrapping bot.ErrNotFound,
// bot.ErrLinkUsed or bot.ErrLinkExpired.
func (s *Store) SignIn(linkHash string, sess bot.Session, now time.Time) (bot.Session, error) {
	err := s.db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketLoginLinks)
		v := b.Get([]byte(linkHash))
		if v == nil {
			return fmt.Errorf("sign-in link: %w", bot.ErrNotFound)
		}
		var rec loginLinkRecord
		if err := json.Unmarshal(v, &rec); err != nil {
			return fmt.Errorf("decode sign-in link: %w", err)
		}
		l := loginLinkFromRecord(linkHash, &rec)
		if err := l.Redeem(now); err != nil {
			return fmt.Errorf("sign-in link of %s: %w", l.Officer, err)
		}
		if err := putJSON(b, []byte(linkHash), loginLinkToRecord(&l)); err != nil {
			return fmt.Errorf("mark sign-in link used: %w", err)
		}
		sess.Officer = l.Officer
		return putSession(tx, sess)
	})
	if err != nil {
		return bot.Session{}, err
	}
	return sess, nil
}

// Session returns the session whose secret hashes to hash, or an error
// wrapping bot.ErrNotFound.
func (s *Store) Session(hash string) (sess bot.Session, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		sess, err = getSession(tx, hash)
		return err
	})
	return sess, err
}

// TouchSession records that the session was used at now.
func (s *Store) TouchSession(hash string, now time.Time) error {
	return s.db.Update(func(tx *bbolt.Tx) error {
		sess, err := getSession(tx, hash)
		if err != nil {
			return err
		}
		sess.LastSeen = now
		return putSession(tx, sess)
	})
}

// EndSession deletes one session; an unknown one is no error.
func (s *Store) EndSession(hash string) error {
	return s.db.Update(func(tx *bbolt.Tx) error {
		sess, err := getSession(tx, hash)
		if errors.Is(err, bot.ErrNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		return deleteSession(tx, sess.Officer, hash)
	})
}

// keepExpiredLinks is how long an expired sign-in link is kept, so that
// opening it says "expired" rather than "unknown".
const keepExpiredLinks = 24 * time.Hour

// PruneSessions deletes the sessions keep refuses and the sign-in links
// that expired more than a day before now, in one transaction; serve calls it at start
// with keep refusing officers no longer in ANSINH_OFFICERS and expired
// sessions. It reports how many sessions it ended.
func (s *Store) PruneSessions(now time.Time, keep func(*bot.Session) bool) (n int, err error) {
	err = s.db.Update(func(tx *bbolt.Tx) error {
		var ended []bot.Session
		err := tx.Bucket(bucketSessions).ForEach(func(k, _ []byte) error {
			sess, err := getSession(tx, string(k))
			if err != nil {
				return err
			}
			if !keep(&sess) {
				ended = append(ended, sess)
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, sess := range ended {
			if err := deleteSession(tx, sess.Officer, sess.Hash); err != nil {
				return err
			}
		}
		n = len(ended)
		links := tx.Bucket(bucketLoginLinks)
		var stale [][]byte
		err = links.ForEach(func(k, v []byte) error {
			var rec loginLinkRecord
			if err := json.Unmarshal(v, &rec); err != nil || now.Sub(rec.Expires) > keepExpiredLinks {
				stale = append(stale, append([]byte(nil), k...))
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, k := range stale {
			if err := links.Delete(k); err != nil {
				return fmt.Errorf("delete expired sign-in link: %w", err)
			}
		}
		return nil
	})
	return n, err
}
