package bot

import "time"

// A conversation is one user in one chat (docs/architecture.md §4,
// "Conversations"). What the bot waits for — the eligibility check's
// pending question, a reminder's missing day, the matter for an officer,
// the ask-back and the "Chưa đúng ý tôi" list, the last answer a
// follow-up continues — belongs to the conversation it was asked in:
// "1" typed in one group never answers a question the bot asked in
// another group or in the private chat. What is the person's own stays on
// User: their declared category, area, commune, latest check result,
// reminders, subscriptions and /stop, and an officer's draft (already
// bound to its chat, Draft.Chat).
//
// The private conversation is User.Dialog and User.Check, as it was stored
// before groups had their own; a group's is User.Groups[chat]. While an
// update from a group is applied, conv swaps the group's state into
// c.user.Dialog and c.user.Check (enterGroup) and back before the user is
// stored (leaveGroup), so the conversation code reads and writes "the
// conversation" without knowing which one it is.

// GroupStateKeep is how long a user's conversation in a group is kept
// after their last message there.
const GroupStateKeep = 30 * 24 * time.Hour

// privateState is the private conversation set aside while a group's is
// in use.
type privateState struct {
	dialog Dialog
	check  *CheckState
}

// enterGroup puts the user's conversation in group chat into c.user, and
// keeps their private one aside in c.private.
func (c *conv) enterGroup(chat string) {
	u := &c.user
	c.private = &privateState{dialog: u.Dialog, check: u.Check}
	var g ChatState
	if s := u.Groups[chat]; s != nil {
		g = *s
	}
	// An officer's draft is the person's, bound to its chat already.
	g.Dialog.Draft = u.Dialog.Draft
	u.Dialog, u.Check = g.Dialog, g.Check
}

// leaveGroup stores the group conversation in c.user back under chat and
// restores the private one, dropping group conversations idle for longer
// than GroupStateKeep.
func (c *conv) leaveGroup(chat string) {
	u := &c.user
	g := &ChatState{Dialog: u.Dialog, Check: u.Check}
	draft := g.Dialog.Draft
	g.Dialog.Draft = nil
	u.Dialog, u.Check = c.private.dialog, c.private.check
	u.Dialog.Draft = draft
	c.private = nil
	if u.Groups == nil {
		u.Groups = map[string]*ChatState{}
	}
	u.Groups[chat] = g
	for id, s := range u.Groups {
		if c.now.Sub(s.Dialog.Seen) > GroupStateKeep {
			delete(u.Groups, id)
		}
	}
}

// privateDialog is the user's private conversation while this update is
// applied, wherever it came from.
func (c *conv) privateDialog() *Dialog {
	if c.private != nil {
		return &c.private.dialog
	}
	return &c.user.Dialog
}
