// Package gate decides who an HTTP request comes from and whether it is
// addressed to this server, for the parts of serve that only this machine
// (or its officers) may reach: the local web chat, the officer console and
// the admin API. Policy.Admit is the one check they share; SameSecret and
// Bearer are the one constant-time comparison of the tokens they take.
//
// A request's client is the connection's address. Forwarding headers
// (X-Forwarded-For, Forwarded, X-Real-IP) are believed only when the
// connection comes from a trusted proxy (ANSINH_TRUSTED_PROXIES); a
// loopback connection that carries such headers without being trusted is
// an undeclared proxy, and its requests are not local. The Host header
// must name this server (a configured name, localhost or a loopback
// address), which defeats DNS rebinding. Throttle slows down password
// guessing per client address, so one attacker cannot lock out others.
//
// gate imports only the standard library.
package gate
