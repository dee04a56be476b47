package dev.rapport.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/** A part of the App Home tab that a feature contributes, rendered for one user. */
public interface HomeSection {

  /** Lower comes first. The welcome section is 0. */
  int order();

  List<LayoutBlock> render(String team, String user) throws Exception;
}
