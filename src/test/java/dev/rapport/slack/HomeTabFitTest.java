package dev.rapport.slack;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HomeTabFitTest {

  @Test
  void aHomeOverSlacksLimitShortensItsLongestPartsAndEveryPartStillShows() {
    List<List<LayoutBlock>> parts = new ArrayList<>(List.of(blocks("welcome", 5), blocks("coffee", 60),
        blocks("pulse", 50), blocks("admin", 10)));

    HomeTab.fit(parts, java.util.Collections.nCopies(parts.size(), ""));

    int total = parts.stream().mapToInt(List::size).sum() + parts.size() - 1;
    assertThat(total).isLessThanOrEqualTo(HomeTab.MAX_BLOCKS);
    assertThat(parts.get(0)).hasSize(5);
    assertThat(parts.get(3)).as("the last part is not cut off").hasSize(10);
    assertThat(parts.get(1).get(parts.get(1).size() - 1).toString()).contains("more than fits");
    assertThat(parts.get(2).get(parts.get(2).size() - 1).toString()).contains("more than fits");
  }

  @Test
  void aShortenedPartSaysWhereItCanBeReadInFull() {
    List<List<LayoutBlock>> parts = new ArrayList<>(List.of(blocks("welcome", 5), blocks("coffee", 120)));

    HomeTab.fit(parts, List.of("", "`/feature status`"));

    assertThat(parts.get(1).get(parts.get(1).size() - 1).toString())
        .contains("more than fits here: `/feature status` shows it all");
  }

  @Test
  void aHomeWithinTheLimitIsLeftAlone() {
    List<List<LayoutBlock>> parts = new ArrayList<>(List.of(blocks("welcome", 5), blocks("coffee", 40)));

    HomeTab.fit(parts, java.util.Collections.nCopies(parts.size(), ""));

    assertThat(parts.get(1)).hasSize(40).noneMatch(b -> b.toString().contains("more than fits"));
  }

  private static List<LayoutBlock> blocks(String name, int count) {
    List<LayoutBlock> blocks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int n = i;
      blocks.add(section(s -> s.text(markdownText(name + " " + n))));
    }
    return blocks;
  }
}
