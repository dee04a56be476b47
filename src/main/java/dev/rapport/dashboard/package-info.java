/**
 * The web dashboard at {@code /dashboard}: Sign in with Slack (OpenID Connect), a session cookie, CSRF tokens
 * on every form, and server-rendered pages by role (admins: programs, health, failures, the connection map;
 * managers: their teams' pulse with milestones; everyone: their own coffee pairing). Never reads a Slack
 * request: {@code /slack/*} stays the request gate's alone.
 */
@ApplicationModule(displayName = "Web dashboard",
    allowedDependencies = {"insights", "outbox", "pairing", "people", "pulse", "slack", "store"})
package dev.rapport.dashboard;

import org.springframework.modulith.ApplicationModule;
