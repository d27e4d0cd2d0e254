package telegram

// DecodePosition exposes decodePosition to the tests.
var DecodePosition = decodePosition
