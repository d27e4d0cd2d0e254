// Command ansinh is the Bắc Ninh social-support assistant: a chatbot on
// Telegram, Zalo and a local web chat, with a CLI for content and officers.
package main
