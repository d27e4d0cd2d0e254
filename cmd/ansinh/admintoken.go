package main

import (
	"crypto/rand"
	"encoding/hex"
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

// writeAdminToken stores a fresh random token next to the database and
// returns it. The file (owner-only) is replaced atomically, so that a CLI
// never reads a half-written token (writeFileAtomic).
func writeAdminToken(dbPath string) (string, error) {
	buf := make([]byte, 32)
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

// readAdminToken reads the token a running serve wrote.
func readAdminToken(dbPath string) (string, error) {
	data, err := os.ReadFile(adminTokenPath(dbPath))
	if err != nil {
		return "", err
	}
	token := strings.TrimSpace(string(data))
	if token == "" {
		return "", fmt.Errorf("%s is empty", adminTokenPath(dbPath))
	}
	return token, nil
}
