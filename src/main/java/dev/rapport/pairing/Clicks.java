package dev.rapport.pairing;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.rapport.slack.AnswerLater;

/** What coffee's buttons read from a click, and the way most of them answer: an ack now, the answer later. */
final class Clicks {

  private Clicks() {}

  static String team(BlockActionRequest req) {
    var p = req.getPayload();
    return p.getTeam() != null ? p.getTeam().getId() : p.getUser().getTeamId();
  }

  static String user(BlockActionRequest req) {
    return req.getPayload().getUser().getId();
  }

  /** The clicked button's value. */
  static String value(BlockActionRequest req) {
    return req.getPayload().getActions().get(0).getValue();
  }

  /** Acks at once; the work and its answer (ephemeral, to the clicker) happen in the background. */
  static Response inBackground(AnswerLater later, BlockActionRequest req, ActionContext ctx, String what,
                               AnswerLater.Answer action) {
    later.answer(what, req.getPayload().getResponseUrl(), action);
    return ctx.ack();
  }
}
