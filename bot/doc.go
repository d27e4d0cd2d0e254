// Package bot is the domain of ansinh: users, updates, replies, outbox
// deliveries, the Channel interface that platform adapters implement, and the
// conversation engine and outbox dispatcher.
//
// bot imports content (the knowledge base) and the standard library only. It
// never imports a concrete channel adapter or bbolt: it declares the small
// interfaces it consumes (Store, Tx) and the store package implements them.
package bot
