package dev.rapport.slack;

/** Who may run a subcommand. Managers are per channel, so features check that themselves. */
public enum Access { EVERYONE, ADMIN }
