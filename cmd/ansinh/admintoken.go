package main

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/netip"
	"os"
	"strings"
)

// serve's admin API (bot/web, Admin) answers only loopback requests that
// carry the token serve leaves next to the database, so reading it takes
// the same file-system rights as opening the database itself. Beside the
// token serve records the address its admin API listens on, so that the
// CLI finds it without ANSINH_HTTP. The client side is in adminclient.go.

// adminTokenPath is where serve leaves its admin token: named after the
// database file, so that two databases in one folder (two serves) each
// keep their own.
func adminTokenPath(dbPath string) string {
	return dbPath + ".admin.token"
}

// adminAddrPath is where serve records the address its admin API listens
// on, named like the token.
func adminAddrPath(dbPath string) string {
	return dbPath + ".admin.addr"
}

// adminTokenLen is the length of the tokens serve writes: 32 random bytes
// in hex.
const adminTokenLen = 64

// writeAdminToken stores a fresh random token next to the database and
// returns it. The file (owner-only) is replaced atomically, so that a CLI
// never reads a half-written token (writeFileAtomic).
func writeAdminToken(dbPath string) (string, error) {
	buf, err := writeSecret(adminTokenPath(dbPath), adminTokenLen/2, true)
	if err != nil {
		return "", fmt.Errorf("admin token: %w", err)
	}
	return hex.EncodeToString(buf), nil
}

// writeSecret writes n fresh random bytes in hex to path, owner-only and
// atomically (writeFileAtomic; an existing file only when replace), and
// returns them: the admin token and the console's form secret.
func writeSecret(path string, n int, replace bool) ([]byte, error) {
	buf := make([]byte, n)
	if _, err := rand.Read(buf); err != nil {
		return nil, err
	}
	err := writeFileAtomic(path, replace, func(w io.Writer) error {
		_, err := io.WriteString(w, hex.EncodeToString(buf)+"\n")
		return err
	})
	return buf, err
}

// errBadAdminToken marks a token file that holds no token serve could
// have written: the file exists and is readable, but its content is not
// a token (edited, truncated, or overwritten by something else).
var errBadAdminToken = errors.New("does not hold an admin token")

// readAdminToken reads the token a running serve wrote. Content serve
// would not have written is refused with an error naming the file
// (errBadAdminToken), never passed on into a request header.
func readAdminToken(dbPath string) (string, error) {
	path := adminTokenPath(dbPath)
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	token := strings.TrimSpace(string(data))
	if len(token) != adminTokenLen {
		return "", fmt.Errorf("%s %w (want %d hex digits, found %d bytes)", path, errBadAdminToken, adminTokenLen, len(data))
	}
	if _, err := hex.DecodeString(token); err != nil {
		return "", fmt.Errorf("%s %w (want %d hex digits, found other characters)", path, errBadAdminToken, adminTokenLen)
	}
	return token, nil
}

// adminAddr is the record serve keeps beside its token while it runs.
type adminAddr struct {
	// Addr is the address the listener got (its port even when
	// ANSINH_HTTP asked for port 0).
	Addr string `json:"addr"`
	// Listen is ANSINH_HTTP as serve read it.
	Listen string `json:"listen"`
	// TokenSHA256 ties the record to the token written by the same start:
	// a record left by another start (a serve killed before it could
	// remove it) does not go with the token in use, and is not followed.
	TokenSHA256 string `json:"token_sha256"`
	// PID is serve's process, for people reading the file.
	PID int `json:"pid"`
}

// tokenFingerprint is the hex SHA-256 of a token: the record names the
// token it goes with without holding it.
func tokenFingerprint(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// writeAdminAddr records addr, where serve's listener listens, for the
// token serve wrote at this start. The file (owner-only) is replaced
// atomically. The returned function removes it at shutdown, if it still
// holds this start's record.
func writeAdminAddr(dbPath, token string, addr net.Addr, listen string) (func(), error) {
	rec := adminAddr{Addr: addr.String(), Listen: listen, TokenSHA256: tokenFingerprint(token), PID: os.Getpid()}
	data, err := json.Marshal(rec)
	if err != nil {
		return nil, fmt.Errorf("admin address record: %w", err)
	}
	data = append(data, '\n')
	path := adminAddrPath(dbPath)
	err = writeFileAtomic(path, true, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("admin address record: %w", err)
	}
	return func() {
		if now, err := os.ReadFile(path); err == nil && string(now) == string(data) {
			os.Remove(path)
		}
	}, nil
}

// errStaleAdminAddr marks an address record that does not go with the
// token in use.
var errStaleAdminAddr = errors.New("does not go with the admin token in use")

// readAdminAddr reads the address serve recorded for token. It fails
// with fs.ErrNotExist when there is no record, errStaleAdminAddr when the
// record was written with another token, and otherwise when the record
// is not one serve writes.
func readAdminAddr(dbPath, token string) (adminAddr, error) {
	var rec adminAddr
	path := adminAddrPath(dbPath)
	data, err := os.ReadFile(path)
	if err != nil {
		return rec, err
	}
	if err := json.Unmarshal(data, &rec); err != nil {
		return rec, fmt.Errorf("%s is not an admin address record: %w", path, err)
	}
	if _, err := netip.ParseAddrPort(rec.Addr); err != nil {
		return rec, fmt.Errorf("%s is not an admin address record: address %q: %w", path, rec.Addr, err)
	}
	if rec.TokenSHA256 != tokenFingerprint(token) {
		return rec, fmt.Errorf("%s %w (%s): it was left by another start of serve", path, errStaleAdminAddr, adminTokenPath(dbPath))
	}
	return rec, nil
}
