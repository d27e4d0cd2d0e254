package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/zalo"
	"github.com/bacninh/ansinh/store"
)

const oaTokenSetting = "zalo_oa.token"

// oaTokens keeps the Official Account's token pair in the store's settings,
// one atomic write per pair (the refresh token is single-use).
type oaTokens struct{ st *store.Store }

func (o oaTokens) LoadOAToken(context.Context) (zalo.OAToken, error) {
	var t zalo.OAToken
	b, err := o.st.Setting(oaTokenSetting)
	if err != nil {
		return t, err
	}
	if err := json.Unmarshal(b, &t); err != nil {
		return t, fmt.Errorf("decode stored oa token: %w", err)
	}
	return t, nil
}

func (o oaTokens) SaveOAToken(_ context.Context, t zalo.OAToken) error {
	b, err := json.Marshal(t)
	if err != nil {
		return err
	}
	return o.st.PutSetting(oaTokenSetting, b)
}

// newOA builds the Official Account channel. On first start the store holds
// no token pair: the refresh token from ANSINH_ZALO_OA_REFRESH_TOKEN is
// stored as already expired, so that the first use refreshes it and keeps
// the new pair.
func newOA(ctx context.Context, cfg ZaloOAConfig, st *store.Store, log *slog.Logger) (*zalo.OAClient, error) {
	tokens := oaTokens{st}
	if _, err := tokens.LoadOAToken(ctx); errors.Is(err, bot.ErrNotFound) {
		if cfg.RefreshToken == "" {
			return nil, fmt.Errorf("no token pair stored yet: set ANSINH_ZALO_OA_REFRESH_TOKEN once")
		}
		seed := zalo.OAToken{RefreshToken: cfg.RefreshToken, Issued: time.Now(), Expiry: time.Now().Add(-time.Minute)}
		if err := tokens.SaveOAToken(ctx, seed); err != nil {
			return nil, err
		}
	}
	return zalo.NewOA(ctx, zalo.OAConfig{
		AppID: cfg.AppID, AppSecret: cfg.AppSecret, Tokens: tokens,
		MessageURL: cfg.MessageURL, TokenURL: cfg.TokenURL, Logger: log,
		LastInbound: func(_ context.Context, userID string) (time.Time, error) {
			u, err := st.User(bot.UserKey{Channel: bot.ChannelZaloOA, ID: userID})
			return u.LastSeen, err
		},
	})
}

// keepOATokenFresh refreshes the OA token hourly even when nobody writes,
// so the refresh token (valid about three months) never lapses.
func (c *channels) keepOATokenFresh(ctx context.Context, log *slog.Logger) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := c.oa.CheckToken(ctx); err != nil {
				log.Warn("zalo oa token check", "err", err)
			}
		}
	}
}
