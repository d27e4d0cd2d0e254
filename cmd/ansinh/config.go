package main

import (
	"fmt"
	"io/fs"
	"net"
	"net/netip"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/web/gate"
	"github.com/bacninh/ansinh/content"
)

// ANSINH_WEBCHAT values.
const (
	webChatOff    = "off"
	webChatLocal  = "local"
	webChatPublic = "public"
)

// Config is everything ansinh reads from the environment (docs/architecture.md §2).
type Config struct {
	DB   string
	HTTP string
	// HTTPSet says ANSINH_HTTP was given, not defaulted: the CLI then
	// reaches serve's admin API there (adminBase).
	HTTPSet    bool
	Location   *time.Location
	ContentDir string
	// ShippedModels is a model file written when the binary was built
	// (ANSINH_MODELS, `ansinh content train`), read when the cache beside
	// the database does not hold the models.
	ShippedModels string
	QuietHours    string
	// RetentionDays: texts of tickets closed longer ago are purged.
	RetentionDays int
	Officers      []string // "channel:id"
	OfficerChats  []string // "channel:chat"
	// PublicURL is the officer console's base URL as officers reach it;
	// its host is one of the Host names the console and admin API answer.
	PublicURL string
	// WebChat is who may use the web chat: webChatOff, webChatLocal or
	// webChatPublic (ANSINH_WEBCHAT).
	WebChat string
	// TrustedProxies are the reverse proxies whose forwarding headers name
	// the client (ANSINH_TRUSTED_PROXIES).
	TrustedProxies []netip.Prefix

	Telegram PlatformConfig
	Zalo     PlatformConfig
	ZaloOA   ZaloOAConfig
}

// ZaloOAConfig configures a Zalo Official Account (enabled by AppID).
type ZaloOAConfig struct {
	AppID        string // Zalo app id
	AppSecret    string // app secret key, for token refresh
	SecretKey    string // OA secret key that signs webhooks
	RefreshToken string // first refresh token, used once when none is stored
	MessageURL   string // consultation message endpoint (tests point it at a fake)
	TokenURL     string // OAuth token endpoint
}

// PlatformConfig configures one messaging platform.
type PlatformConfig struct {
	Token   string
	API     string // endpoint template: base%s/%s (token, method)
	Webhook string // public webhook URL; empty: long polling
	Secret  string // webhook secret token
}

// Enabled reports whether the platform has a token.
func (p PlatformConfig) Enabled() bool { return p.Token != "" }

func configFromEnv(lookupEnv func(string) (string, bool)) (Config, error) {
	getenv := func(k string) string { v, _ := lookupEnv(k); return v }
	env := func(k, def string) string {
		if v := strings.TrimSpace(getenv(k)); v != "" {
			return v
		}
		return def
	}
	c := Config{
		DB:            env("ANSINH_DB", "./data/ansinh.db"),
		HTTP:          env("ANSINH_HTTP", "127.0.0.1:8080"),
		ContentDir:    env("ANSINH_CONTENT_DIR", ""),
		ShippedModels: env("ANSINH_MODELS", ""),
		Telegram: PlatformConfig{
			Token: getenv("ANSINH_TELEGRAM_TOKEN"), API: env("ANSINH_TELEGRAM_API", "https://api.telegram.org/bot%s/%s"),
			Webhook: getenv("ANSINH_TELEGRAM_WEBHOOK"), Secret: getenv("ANSINH_TELEGRAM_SECRET"),
		},
		Zalo: PlatformConfig{
			Token: getenv("ANSINH_ZALO_TOKEN"), API: env("ANSINH_ZALO_API", "https://bot-api.zaloplatforms.com/bot%s/%s"),
			Webhook: getenv("ANSINH_ZALO_WEBHOOK"), Secret: getenv("ANSINH_ZALO_SECRET"),
		},
		ZaloOA: ZaloOAConfig{
			AppID: getenv("ANSINH_ZALO_OA_APP_ID"), AppSecret: getenv("ANSINH_ZALO_OA_APP_SECRET"),
			SecretKey: getenv("ANSINH_ZALO_OA_SECRET_KEY"), RefreshToken: getenv("ANSINH_ZALO_OA_REFRESH_TOKEN"),
			MessageURL: getenv("ANSINH_ZALO_OA_MESSAGE_URL"), TokenURL: getenv("ANSINH_ZALO_OA_TOKEN_URL"),
		},
		Officers:     splitList(getenv("ANSINH_OFFICERS")),
		OfficerChats: splitList(getenv("ANSINH_OFFICER_CHATS")),
		PublicURL:    env("ANSINH_PUBLIC_URL", ""),
		WebChat:      strings.ToLower(env("ANSINH_WEBCHAT", webChatLocal)),
		HTTPSet:      strings.TrimSpace(getenv("ANSINH_HTTP")) != "",
	}
	if v := getenv("ANSINH_TRUSTED_PROXIES"); v != "" {
		proxies, err := gate.ParseCIDRs(v)
		if err != nil {
			return c, fmt.Errorf("ANSINH_TRUSTED_PROXIES: %w", err)
		}
		c.TrustedProxies = proxies
	}
	// An explicitly empty ANSINH_QUIET_HOURS disables quiet hours.
	if v, set := lookupEnv("ANSINH_QUIET_HOURS"); set {
		c.QuietHours = strings.TrimSpace(v)
	} else {
		c.QuietHours = "21:00-07:00"
	}
	c.RetentionDays = 365
	if v := getenv("ANSINH_RETENTION_DAYS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return c, fmt.Errorf("ANSINH_RETENTION_DAYS=%q: want a whole number of days ≥ 1", v)
		}
		c.RetentionDays = n
	}
	tz := env("ANSINH_TZ", "Asia/Ho_Chi_Minh")
	loc, err := time.LoadLocation(tz)
	if err != nil {
		return c, fmt.Errorf("ANSINH_TZ=%q: %w", tz, err)
	}
	c.Location = loc
	return c, c.Validate()
}

// Validate names the offending variable.
func (c Config) Validate() error {
	if _, _, err := net.SplitHostPort(c.HTTP); err != nil {
		return fmt.Errorf("ANSINH_HTTP=%q: want host:port", c.HTTP)
	}
	for name, p := range map[string]PlatformConfig{"TELEGRAM": c.Telegram, "ZALO": c.Zalo} {
		if strings.Count(p.API, "%s") != 2 {
			return fmt.Errorf("ANSINH_%s_API: want a template with two %%s (token, method)", name)
		}
		if p.Webhook != "" && !strings.HasPrefix(p.Webhook, "https://") && !strings.HasPrefix(p.Webhook, "http://") {
			return fmt.Errorf("ANSINH_%s_WEBHOOK: want an http(s) URL", name)
		}
		if p.Webhook != "" && p.Secret == "" {
			return fmt.Errorf("ANSINH_%s_SECRET: required with ANSINH_%s_WEBHOOK", name, name)
		}
	}
	if oa := c.ZaloOA; oa.AppID != "" && (oa.AppSecret == "" || oa.SecretKey == "") {
		return fmt.Errorf("ANSINH_ZALO_OA_APP_SECRET and ANSINH_ZALO_OA_SECRET_KEY: required with ANSINH_ZALO_OA_APP_ID")
	}
	for name, list := range map[string][]string{"ANSINH_OFFICERS": c.Officers, "ANSINH_OFFICER_CHATS": c.OfficerChats} {
		for _, o := range list {
			ch, id, ok := strings.Cut(o, ":")
			if !ok || ch == "" || id == "" {
				return fmt.Errorf("%s: %q is not channel:id", name, o)
			}
			if !bot.PlatformAuthenticated(ch) {
				return fmt.Errorf("%s: %q: only telegram, zalo and zalo_oa identities are allowed; "+
					"on the %s channel the client chooses its own id, so anyone could claim it", name, o, ch)
			}
			// Telegram's user and chat ids are integers (a group's is
			// negative); Zalo's are opaque strings and are not checked.
			if _, err := strconv.ParseInt(id, 10, 64); ch == bot.ChannelTelegram && err != nil {
				return fmt.Errorf("%s: %q: a Telegram id is a number, such as telegram:123456789", name, o)
			}
		}
	}
	switch c.WebChat {
	case webChatOff, webChatLocal, webChatPublic:
	default:
		return fmt.Errorf("ANSINH_WEBCHAT=%q: want off, local or public", c.WebChat)
	}
	if c.PublicURL != "" {
		if u, err := url.Parse(c.PublicURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return fmt.Errorf("ANSINH_PUBLIC_URL=%q: want an http(s) URL", c.PublicURL)
		}
	}
	if c.QuietHours != "" {
		if _, _, err := parseQuietHours(c.QuietHours); err != nil {
			return fmt.Errorf("ANSINH_QUIET_HOURS=%q: %w", c.QuietHours, err)
		}
	}
	return nil
}

// gate is who counts as local for the console and the admin API, and the
// Host names they answer to: the listen address's and the public URL's.
func (c Config) gate() *gate.Policy {
	hosts := []string{c.HTTP}
	if u, err := url.Parse(c.PublicURL); err == nil && u.Host != "" {
		hosts = append(hosts, u.Host)
	}
	return gate.New(c.TrustedProxies, hosts...)
}

// consoleURL is the officer console's base URL for sign-in links:
// ANSINH_PUBLIC_URL, or else the listen address as reached from the
// machine itself.
func (c Config) consoleURL() string {
	if c.PublicURL != "" {
		return strings.TrimRight(c.PublicURL, "/")
	}
	host, port, err := net.SplitHostPort(c.HTTP)
	if err != nil {
		return ""
	}
	if ip, err := netip.ParseAddr(host); host == "" || (err == nil && ip.IsUnspecified()) {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port)
}

// quiet returns the quiet-hours window (zero: disabled).
func (c Config) quiet() (bot.QuietHours, error) {
	if c.QuietHours == "" {
		return bot.QuietHours{}, nil
	}
	from, to, err := parseQuietHours(c.QuietHours)
	if err != nil {
		return bot.QuietHours{}, fmt.Errorf("ANSINH_QUIET_HOURS=%q: %w", c.QuietHours, err)
	}
	return bot.QuietHours{From: from, To: to}, nil
}

func parseQuietHours(s string) (from, to time.Duration, err error) {
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return 0, 0, fmt.Errorf("want HH:MM-HH:MM")
	}
	parse := func(v string) (time.Duration, error) {
		t, err := time.Parse("15:04", strings.TrimSpace(v))
		if err != nil {
			return 0, fmt.Errorf("want HH:MM-HH:MM")
		}
		return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute, nil
	}
	if from, err = parse(a); err != nil {
		return 0, 0, err
	}
	to, err = parse(b)
	return from, to, err
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// contentFS is the knowledge base in use: the override directory or the
// embedded default.
func (c Config) contentFS() fs.FS {
	if c.ContentDir != "" {
		return os.DirFS(c.ContentDir)
	}
	return content.Embedded()
}

// loadKB loads the knowledge base for the command-line tools (ask,
// eligibility, content export).
func (c Config) loadKB() (*content.KB, error) {
	kb, _, err := c.loadKBModels()
	return kb, err
}

// loadKBModels is loadKB, also telling where the models came from. The
// tools read the models serve keeps beside the database when that file
// exists, else the shipped ones (ANSINH_MODELS), else train them; they
// create no file (a stale or damaged cache is trained again and replaced,
// as serve would).
func (c Config) loadKBModels() (*content.KB, content.CacheInfo, error) {
	cache := modelCachePath(c.DB)
	if _, err := os.Stat(cache); err != nil {
		cache = ""
	}
	kb, info, err := content.LoadCached(c.contentFS(), cache, c.ShippedModels, programID())
	if err != nil {
		return nil, info, fmt.Errorf("%s: %w", c.contentWhere(), err)
	}
	return kb, info, nil
}

// loadRules loads the knowledge base and the eligibility rules checked
// against it.
func (c Config) loadRules() (*content.Rules, error) {
	kb, err := c.loadKB()
	if err != nil {
		return nil, err
	}
	r, err := content.LoadRules(c.contentFS(), kb)
	if err != nil {
		return nil, fmt.Errorf("eligibility rules: %w", err)
	}
	return r, nil
}

// contentWhere names the knowledge base in use, for messages.
func (c Config) contentWhere() string {
	if c.ContentDir != "" {
		return "ANSINH_CONTENT_DIR=" + c.ContentDir
	}
	return "embedded knowledge base"
}
