package telegram

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// ErrFileTooLarge is returned by OpenFile for a file above the limit.
var ErrFileTooLarge = errors.New("telegram: file too large")

// fileEndpoint derives the file download template from the API endpoint
// template: Telegram serves the file at file_path under
// https://api.telegram.org/file/bot<token>/<file_path>, beside
// https://api.telegram.org/bot<token>/<method>. The result has two %s
// verbs (token, file path); empty when api has no "/bot%s/" to put
// "/file" before.
func fileEndpoint(api string) string {
	i := strings.LastIndex(api, "/bot%s/")
	if i < 0 {
		return ""
	}
	return api[:i] + "/file/bot%s/%s"
}

// OpenFile fetches a file the bot knows by its file_id, for an officer's
// browser (the officer console proxies it: the download URL holds the
// token, so it is never shown). It calls getFile, then downloads the file
// from the endpoint derived from Config.APIEndpoint. name is the file's
// path as Telegram names it ("photos/file_3.jpg"), from which the caller
// picks a content type. A file above limit bytes (told by getFile or by
// the download) gives ErrFileTooLarge; the body returned never yields
// more than limit bytes. The caller closes body. Errors carry no token.
func (c *Client) OpenFile(ctx context.Context, fileID string, limit int64) (body io.ReadCloser, name string, err error) {
	if c.fileEndpoint == "" {
		return nil, "", errors.New("telegram: no file endpoint for this api endpoint")
	}
	rctx, cancel := context.WithTimeout(ctx, c.sendTimeout)
	f, err := c.with(rctx).GetFile(tgbotapi.FileConfig{FileID: fileID})
	cancel()
	if err != nil {
		return nil, "", c.classify("getFile", false, err)
	}
	if int64(f.FileSize) > limit {
		return nil, "", ErrFileTooLarge
	}
	if f.FilePath == "" || strings.Contains(f.FilePath, "..") || strings.ContainsAny(f.FilePath, "?#\\") {
		return nil, "", fmt.Errorf("telegram getFile: unusable file path %q", f.FilePath)
	}
	segs := strings.Split(f.FilePath, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	u := fmt.Sprintf(c.fileEndpoint, c.token, strings.Join(segs, "/"))
	// The download may be longer than a message's send; the caller's ctx
	// (the officer's request) bounds it.
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, "", c.scrub(err)
	}
	resp, err := c.doer(ctx).Do(req)
	if err != nil {
		return nil, "", fmt.Errorf("telegram file download: %w", c.scrub(err))
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, "", fmt.Errorf("telegram file download: status %d", resp.StatusCode)
	}
	if resp.ContentLength > limit {
		resp.Body.Close()
		return nil, "", ErrFileTooLarge
	}
	return limitedBody{io.LimitReader(resp.Body, limit), resp.Body}, f.FilePath, nil
}

// limitedBody reads at most the limit from a response body and closes it.
type limitedBody struct {
	io.Reader
	io.Closer
}
