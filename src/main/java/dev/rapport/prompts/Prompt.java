package dev.rapport.prompts;

/**
 * One prompt: what it asks, the strategy it practises and a one-line "why this helps".
 *
 * @param id         stable id, e.g. {@code listening-07} (built in) or {@code listening-ws3} (added by a
 *                   workspace)
 * @param threadOnly it refers to the replies under a channel post, so it is posted in channels but never
 *                   used as an icebreaker
 */
public record Prompt(String id, Strategy strategy, String text, String why, boolean threadOnly) {}
