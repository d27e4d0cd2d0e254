// Package term is the terminal channel of `ansinh chat`: replies are printed
// with their buttons as numbered choices; typing the number presses the
// button (the engine maps numbers to the last buttons shown).
//
// term imports bot and the standard library only.
package term
