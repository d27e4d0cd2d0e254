package main

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// serve's admin API (bot/web, Admin) answers only loopback requests that
// carry the token serve leaves next to the database, so reading it takes
// the same file-system rights as opening the database itself. The client
// side is in adminclient.go.

// adminTokenPath is where serve leaves its admin token: named after the
// database file, so that two databases in one folder (two serves) each
// keep their own.
func adminTokenPath(dbPath string) string {
	return dbPath + ".admin.token"
}

// adminTokenLen is the length of the tokens serve writes: 32 random bytes
// in hex.
const adminTokenLen = 64

// writeAdminToken stores a fresh random token next to the database and
// returns it. The file (owner-only) is replaced atomically, so that a CLI
// never reads a half-written token (writeFileAtomic).
func writeAdminToken(dbPath string) (string, error) {
	buf := make([]byte, adminTokenLen/2)
	if _, err := rand.Read(buf); err != nil {
		return "", fmt.Errorf("admin token: %w", err)
	}
	token := hex.EncodeToString(buf)
	err := writeFileAtomic(adminTokenPath(dbPath), func(w io.Writer) error {
		_, err := io.WriteString(w, token+"\n")
		return err
	})
	if err != nil {
		return "", fmt.Errorf("admin token: %w", err)
	}
	return token, nil
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
