/**
 * The one way in from Slack and out to it: the Bolt app behind the request gate, the command router, the Home
 * tab, the Web API client ({@link dev.rapport.slack.SlackGateway}), installations and uninstalls. Features plug
 * in through {@link dev.rapport.slack.SlackFeature}, {@link dev.rapport.slack.SlashCommand} and
 * {@link dev.rapport.slack.HomeSection}; this module names no feature. Publishes
 * {@link dev.rapport.slack.WorkspaceUninstalled}.
 */
@ApplicationModule(displayName = "Slack",
    allowedDependencies = {"store"})
package dev.rapport.slack;

import org.springframework.modulith.ApplicationModule;
