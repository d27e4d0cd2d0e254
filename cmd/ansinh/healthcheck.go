package main

import (
	"fmt"
	"net"
	"net/http"
	"time"
)

// runHealthcheck asks the running serve for /healthz; the container image
// has no shell or curl, so the binary checks itself.
func runHealthcheck(cfg Config) error {
	host, port, _ := net.SplitHostPort(cfg.HTTP)
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	c := &http.Client{Timeout: 2 * time.Second}
	resp, err := c.Get("http://" + net.JoinHostPort(host, port) + "/healthz")
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("healthcheck: %s", resp.Status)
	}
	return nil
}
