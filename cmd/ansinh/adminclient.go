package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/web"
)

// adminClient is a ticketSource and reminderSource over the admin API of a
// running serve (bot/web, Admin.Handler).
type adminClient struct {
	base  string // http://host:port
	token string
	hc    *http.Client
}

var _ ticketSource = (*adminClient)(nil)

// newAdminClient reads the token serve wrote and aims at its listener: the
// address serve recorded beside the token (adminAddrPath) or ANSINH_HTTP.
// When both are there they must agree. The token is sent to no other
// address: without a record and without ANSINH_HTTP the CLI stops.
func newAdminClient(cfg Config) (*adminClient, error) {
	token, err := readAdminToken(cfg.DB)
	if errors.Is(err, errBadAdminToken) {
		return nil, fmt.Errorf("serve holds the database but %w; restart serve to write a new one", err)
	}
	if err != nil {
		return nil, fmt.Errorf("serve holds the database but its admin token cannot be read (run this as the user serve runs as): %w", err)
	}
	base, err := adminBase(cfg, token)
	if err != nil {
		return nil, err
	}
	return &adminClient{
		base:  base,
		token: token,
		// No proxy: the bearer token must not leave this machine.
		hc: &http.Client{Transport: &http.Transport{Proxy: nil}, Timeout: 5 * time.Minute},
	}, nil
}

// adminBase is the URL of serve's admin API for token: the address serve
// recorded with it, which ANSINH_HTTP, when set, must name as well; or
// ANSINH_HTTP when there is no record that goes with the token (a serve
// from before the record, or one still starting).
func adminBase(cfg Config, token string) (string, error) {
	rec, err := readAdminAddr(cfg.DB, token)
	switch {
	case err == nil && cfg.HTTPSet:
		if want := adminBaseURL(cfg.HTTP); want != adminBaseURL(rec.Addr) && want != adminBaseURL(rec.Listen) {
			return "", fmt.Errorf("ANSINH_HTTP=%s, but serve records its admin API at %s (%s); unset ANSINH_HTTP or give serve's address; nothing was sent",
				cfg.HTTP, rec.Addr, adminAddrPath(cfg.DB))
		}
		return adminBaseURL(rec.Addr), nil
	case err == nil:
		return adminBaseURL(rec.Addr), nil
	case cfg.HTTPSet:
		return adminBaseURL(cfg.HTTP), nil
	case errors.Is(err, fs.ErrNotExist):
		return "", fmt.Errorf("ANSINH_DB=%s is held by another process, and no serve records its admin address in %s "+
			"(a serve started by an older ansinh does not): set ANSINH_HTTP to serve's listen address, or restart serve", cfg.DB, adminAddrPath(cfg.DB))
	default:
		return "", fmt.Errorf("serve holds the database but its admin address cannot be used: %w; set ANSINH_HTTP to serve's listen address, or try again once serve has started", err)
	}
}

// adminBaseURL turns ANSINH_HTTP into the URL the CLI calls: a wildcard
// listener is reached on loopback, which is also the only address the
// admin API admits.
func adminBaseURL(listen string) string {
	host, port, err := net.SplitHostPort(listen)
	if err != nil {
		return "http://" + listen
	}
	if ip, err := netip.ParseAddr(host); host == "" || (err == nil && ip.IsUnspecified()) {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port)
}

// adminAPIError is a refusal or failure the admin API reported.
type adminAPIError struct {
	Base   string
	Status int
	Msg    string
}

func (e *adminAPIError) Error() string {
	return fmt.Sprintf("admin API at %s: %s (HTTP %d)", e.Base, e.Msg, e.Status)
}

// do sends one request and returns the response when it succeeded.
func (c *adminClient) do(ctx context.Context, method, path string, body io.Reader) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, body)
	if err != nil {
		return nil, fmt.Errorf("admin API request: %w", err)
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("serve holds the database but its admin API at %s did not answer: %w", c.base, err)
	}
	if resp.StatusCode/100 == 2 {
		return resp, nil
	}
	defer resp.Body.Close()
	var e struct {
		Error string `json:"error"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 4<<10)).Decode(&e); err != nil || e.Error == "" {
		e.Error = http.StatusText(resp.StatusCode)
	}
	return nil, &adminAPIError{Base: c.base, Status: resp.StatusCode, Msg: e.Error}
}

func (c *adminClient) getJSON(ctx context.Context, path string, v any) error {
	resp, err := c.do(ctx, http.MethodGet, path, nil)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		return fmt.Errorf("admin API at %s: decode %s: %w", c.base, path, err)
	}
	return nil
}

// Tickets implements ticketSource.
func (c *adminClient) Tickets(ctx context.Context, q web.TicketQuery) ([]bot.Ticket, error) {
	var out []bot.Ticket
	return out, c.getJSON(ctx, "/admin/tickets?"+q.Values().Encode(), &out)
}

// Ticket implements ticketSource.
func (c *adminClient) Ticket(ctx context.Context, id uint64) (web.TicketDetail, error) {
	var d web.TicketDetail
	err := c.getJSON(ctx, "/admin/tickets/"+strconv.FormatUint(id, 10), &d)
	var e *adminAPIError
	if errors.As(err, &e) && e.Status == http.StatusNotFound {
		// The same error as the store's, so that both paths print the same.
		return d, fmt.Errorf("ticket %d: %w", id, bot.ErrNotFound)
	}
	return d, err
}

// Export implements ticketSource.
func (c *adminClient) Export(ctx context.Context, format string, w io.Writer) error {
	resp, err := c.do(ctx, http.MethodGet, "/admin/tickets/export?format="+url.QueryEscape(format), nil)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(w, resp.Body); err != nil {
		return fmt.Errorf("export %s through serve: %w", format, err)
	}
	return nil
}

// Backup implements ticketSource; serve writes the file, as its own user.
func (c *adminClient) Backup(ctx context.Context, path string, force bool) error {
	body, err := json.Marshal(web.BackupRequest{Path: path, Force: force})
	if err != nil {
		return err
	}
	resp, err := c.do(ctx, http.MethodPost, "/admin/backup", bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

// Reminders implements reminderSource.
func (c *adminClient) Reminders(ctx context.Context, all bool) ([]bot.Reminder, error) {
	path := "/admin/reminders"
	if all {
		path += "?all=1"
	}
	var out []bot.Reminder
	return out, c.getJSON(ctx, path, &out)
}

// AddReminder implements reminderSource; serve checks the request again.
func (c *adminClient) AddReminder(ctx context.Context, req web.ReminderRequest) (web.ReminderResult, error) {
	body, err := json.Marshal(req)
	if err != nil {
		return web.ReminderResult{}, fmt.Errorf("encode reminder request: %w", err)
	}
	return c.postReminder(ctx, "/admin/reminders", body, 0)
}

// ChangeReminder implements reminderSource.
func (c *adminClient) ChangeReminder(ctx context.Context, id uint64, action string) (web.ReminderResult, error) {
	return c.postReminder(ctx, "/admin/reminders/"+strconv.FormatUint(id, 10)+"/"+action, nil, id)
}

// postReminder posts to a reminder endpoint and rebuilds the errors the
// store route would return, so that both print the same.
func (c *adminClient) postReminder(ctx context.Context, path string, body []byte, id uint64) (web.ReminderResult, error) {
	var res web.ReminderResult
	resp, err := c.do(ctx, http.MethodPost, path, bytes.NewReader(body))
	var e *adminAPIError
	if errors.As(err, &e) {
		switch e.Status {
		case http.StatusBadRequest:
			return res, refuse("%s", e.Msg)
		case http.StatusConflict:
			return res, conflict("%s", e.Msg)
		case http.StatusNotFound:
			// An older serve without these routes answers 404 too.
			if id != 0 && e.Msg == web.ReminderNotFound(id) {
				return res, fmt.Errorf("reminder %d: %w", id, bot.ErrNotFound)
			}
		}
	}
	if err != nil {
		return res, err
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		return res, fmt.Errorf("admin API at %s: decode %s: %w", c.base, path, err)
	}
	return res, nil
}
