package org.hopscope.correlate;

import java.time.Duration;
import org.hopscope.model.Hop;
import org.hopscope.model.PanelDef;
import org.hopscope.model.promql.PromQlTemplate;
import org.hopscope.model.promql.PromQlVariables;

/**
 * Renders panels with {@link PromQlTemplate}: {@code $hop} and {@code $service} escaped where they
 * stand, {@code $window} the range, {@code $rate} chosen from the step.
 */
public final class TemplatePanelQueries implements PanelQueries {

  @Override
  public String render(PanelDef panel, Hop hop, Duration window, Duration step) {
    String service = hop.service() != null ? hop.service() : hop.name();
    return PromQlTemplate.parse(panel.title(), panel.promql())
        .render(new PromQlVariables(hop.name(), service, window, PromQlVariables.rateFor(step)));
  }
}
