package main

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
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
// returns it. The file is replaced atomically so that a CLI never reads a
// half-written token.
func writeAdminToken(dbPath string) (string, error) {
	buf := make([]byte, 32)
	if _, err := rand.Read(buf); err != nil {
		return "", fmt.Errorf("admin token: %w", err)
	}
	token := hex.EncodeToString(buf)
	path := adminTokenPath(dbPath)
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*")
	if err != nil {
		return "", fmt.Errorf("admin token: %w", err)
	}
	tmp := f.Name()
	err = f.Chmod(0o600)
	if err == nil {
		_, err = f.WriteString(token + "\n")
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("write admin token %s: %w", path, err)
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
