// Package metrics exposes ansinh's Prometheus metrics (/metrics) with
// github.com/prometheus/client_golang: counters and histograms fed by the
// engine and dispatcher through the bot.Metrics interface, gauges read from
// the database (cached, refreshed at most every 15 s, never per scrape),
// reminder runs, content reloads, and the Go runtime and process collectors.
//
// It imports bot, bot/outbox (the dispatcher's Send results and counters),
// bot/remind (the scheduler's run reports) and the Prometheus client only;
// cmd/ansinh connects it to the store, the dispatcher and the scheduler. Keeping Prometheus here leaves bot free of
// any metrics library and cmd/ansinh free of exposition details.
package metrics
