package main

import (
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
)

// The officer console signs every form's key with a secret serve keeps
// beside the database (bot/web, ConsoleConfig.FormSecret). Unlike the admin
// token it is kept across starts, so a page an officer opened before a
// restart still posts after it; reading it takes the same file-system
// rights as opening the database. It is never logged.

// consoleKeyPath is where serve keeps the console's form secret, named
// after the database like the admin token.
func consoleKeyPath(dbPath string) string {
	return dbPath + ".console.key"
}

// consoleKeyLen is the length of the secret in the file: 32 random bytes
// in hex.
const consoleKeyLen = 64

// consoleFormSecret reads the console's form secret, writing a new random
// one (owner-only, atomically) when there is none. A file that holds
// something else is refused with an error naming it, never replaced: an
// operator may have put it there.
func consoleFormSecret(dbPath string) ([]byte, error) {
	path := consoleKeyPath(dbPath)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		buf, err := writeSecret(path, consoleKeyLen/2, false)
		if err != nil {
			return nil, fmt.Errorf("console form secret: %w", err)
		}
		return buf, nil
	}
	if err != nil {
		return nil, fmt.Errorf("console form secret: %w", err)
	}
	key := strings.TrimSpace(string(data))
	secret, err := hex.DecodeString(key)
	if len(key) != consoleKeyLen || err != nil {
		return nil, fmt.Errorf("console form secret: %s does not hold one (want %d hex digits); remove it and serve writes a new one", path, consoleKeyLen)
	}
	return secret, nil
}
