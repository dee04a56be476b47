package dev.rapport.pairing;

/**
 * A question that opens a coffee chat, with the connection strategy it practises (as people read it) and why it helps.
 */
record Icebreaker(String strategy, String text, String why) {}
