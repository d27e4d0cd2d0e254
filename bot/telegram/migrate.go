package telegram

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"sync"

	"github.com/bacninh/ansinh/bot"
)

// Settings is where the client keeps what it must remember across restarts
// (store.Store implements it): today, the groups that became supergroups.
type Settings interface {
	// Setting returns a named value, or an error wrapping bot.ErrNotFound.
	Setting(name string) ([]byte, error)
	// PutSetting replaces a named value durably.
	PutSetting(name string, value []byte) error
}

// migrationsSetting names the stored map of migrated chats: old chat id ->
// new chat id, both decimal strings.
const migrationsSetting = "telegram.chat_migrations"

// maxMigrationHops bounds how many migrations one send follows (a group
// becomes a supergroup once; the bound only guards against a loop).
const maxMigrationHops = 3

// migrations maps the ids of groups upgraded to supergroups to their new
// ids (docs/platforms.md §1.2): a send to the old id is refused for ever.
type migrations struct {
	mu       sync.Mutex
	to       map[int64]int64
	settings Settings // nil: remembered in memory only
	// notify, when set, is told each move (OnMigrated).
	notify func(from, to string)
}

// OnMigrated has fn told every group move the client knows, now and as it
// learns them, with both chat ids as the engine writes them (decimal):
// the engine then treats the new id as the old one (bot.Engine.ChatMoved),
// so an officers' group stays one after becoming a supergroup. fn must not
// call back into the client.
func (c *Client) OnMigrated(fn func(from, to string)) {
	m := c.migrations
	m.mu.Lock()
	defer m.mu.Unlock()
	m.notify = fn
	for from, to := range m.to {
		fn(formatID(from), formatID(to))
	}
}

func loadMigrations(s Settings) (*migrations, error) {
	m := &migrations{to: map[int64]int64{}, settings: s}
	if s == nil {
		return m, nil
	}
	raw, err := s.Setting(migrationsSetting)
	if errors.Is(err, bot.ErrNotFound) {
		return m, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", migrationsSetting, err)
	}
	var stored map[string]string
	if err := json.Unmarshal(raw, &stored); err != nil {
		return nil, fmt.Errorf("read %s: %w", migrationsSetting, err)
	}
	for k, v := range stored {
		from, err1 := strconv.ParseInt(k, 10, 64)
		to, err2 := strconv.ParseInt(v, 10, 64)
		if err1 != nil || err2 != nil || from == to {
			continue
		}
		m.to[from] = to
	}
	return m, nil
}

// resolve returns the chat messages for id must go to now.
func (m *migrations) resolve(id int64) int64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	for range maxMigrationHops {
		next, ok := m.to[id]
		if !ok {
			break
		}
		id = next
	}
	return id
}

// record remembers that from became to. It reports whether this was news
// and returns the error of storing it (the mapping is kept in memory
// either way).
func (m *migrations) record(from, to int64) (bool, error) {
	if from == 0 || to == 0 || from == to {
		return false, nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.to[from] == to {
		return false, nil
	}
	m.to[from] = to
	if m.notify != nil {
		m.notify(formatID(from), formatID(to))
	}
	if m.settings == nil {
		return true, nil
	}
	stored := make(map[string]string, len(m.to))
	for k, v := range m.to {
		stored[formatID(k)] = formatID(v)
	}
	raw, err := json.Marshal(stored)
	if err == nil {
		err = m.settings.PutSetting(migrationsSetting, raw)
	}
	return true, err
}

// migrated records a group's move to a supergroup, learnt from a refused
// send or from the service message Telegram posts in either chat, and
// tells the operator. Chat ids of groups are not personal data: they are
// logged as numbers, which the log masking leaves alone, so that the
// operator can copy the new id.
func (c *Client) migrated(from, to int64) {
	news, err := c.migrations.record(from, to)
	if err != nil {
		c.log.Error("telegram chat migration not stored: it is remembered until the next restart only",
			slog.Int64("old_chat", from), slog.Int64("new_chat", to), "err", err)
	}
	if news {
		c.log.Warn("telegram group was upgraded to a supergroup: messages to the old chat id now go to the new one; "+
			"if ANSINH_OFFICER_CHATS names the old id, replace it with the new one",
			slog.Int64("old_chat", from), slog.Int64("new_chat", to))
	}
}
