package dev.rapport.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/** A part of the App Home tab that a feature contributes, rendered for one user. */
public interface HomeSection {

  /** Lower comes first. The welcome section is 0. */
  int order();

  List<LayoutBlock> render(String team, String user) throws Exception;

  /**
   * Where this part can be read in full when the Home has no room for all of it, as the note that says so
   * names it (e.g. {@code "`/command report`"}); empty for "the slash commands".
   */
  default String readInFull() {
    return "";
  }
}
