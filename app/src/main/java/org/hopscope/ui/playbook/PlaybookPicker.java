package org.hopscope.ui.playbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hopscope.model.playbook.CheckWindow;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.PlaybookLink;
import org.hopscope.model.playbook.PlaybookVariables;
import org.hopscope.model.playbook.ValueOrigin;
import org.hopscope.model.playbook.VariableValue;
import org.hopscope.oncall.PlaybookCatalog;
import org.hopscope.oncall.Playbooks;
import org.hopscope.ui.playbook.PlaybookViewModel.PickerItem;

/**
 * The picker half of the walk-through: playbooks suggested for what the engineer looks at (then
 * all), the selected one and its variables form. The form is {@link PlaybookVariables#resolve}d
 * from the defaults, the window, the context (the search bar; a pinned variable does not take it),
 * an alert link's values and the engineer's typing, strongest last; each field says where its value
 * came from. A context change refills the form but keeps link values and typing.
 */
final class PlaybookPicker {

  private final PlaybookCatalog catalog;
  private final ObservableList<Playbook> suggested = FXCollections.observableArrayList();
  private final ObservableList<Playbook> all = FXCollections.observableArrayList();
  private final ObservableList<PickerItem> pickerItems = FXCollections.observableArrayList();
  private final ObjectProperty<Playbook> selected = new SimpleObjectProperty<>();
  private final ObservableList<VariableField> variables = FXCollections.observableArrayList();
  // one read-only view each: a wrapper made per call would lose listeners to garbage collection
  final ObservableList<Playbook> suggestedView =
      FXCollections.unmodifiableObservableList(suggested);
  final ObservableList<PickerItem> pickerItemsView =
      FXCollections.unmodifiableObservableList(pickerItems);
  private String contextPath;
  private String contextHop;
  private CheckWindow contextWindow;
  private Map<String, String> linkValues = Map.of();
  private CheckWindow linkWindow;
  private final Map<String, String> typed = new LinkedHashMap<>();
  private boolean filling;

  PlaybookPicker(PlaybookCatalog catalog) {
    this.catalog = catalog;
    all.setAll(catalog.playbooks());
    suggest(null, null);
  }

  List<Playbook> suggest(String path, String hop) {
    List<Playbook> s =
        path == null && hop == null
            ? List.of()
            : catalog.suggest(path, hop, null).stream()
                .filter(p -> Playbooks.whySuggested(p, path, hop, null) != null)
                .toList();
    suggested.setAll(s);
    List<PickerItem> items = new ArrayList<>();
    s.forEach(p -> items.add(new PickerItem(p, Playbooks.whySuggested(p, path, hop, null))));
    all.stream().filter(p -> !s.contains(p)).forEach(p -> items.add(new PickerItem(p, null)));
    pickerItems.setAll(items);
    return s;
  }

  /**
   * What the engineer looks at: path and hop (blank: none) and the window checks look at when no
   * link gives one (null: as of now over the playbook's window).
   */
  void context(String path, String hop, CheckWindow window) {
    contextPath = blankToNull(path);
    contextHop = blankToNull(hop);
    contextWindow = window;
    suggest(contextPath, contextHop);
    fill();
  }

  /** Selects a playbook; picking another one forgets the link's values and what was typed. */
  void select(String playbookId) {
    Playbook p = catalog.playbook(playbookId).orElse(null);
    if (p != selected.get()) {
      forget();
    }
    selected.set(p);
    fill();
  }

  private void forget() {
    linkValues = Map.of();
    linkWindow = null;
    typed.clear();
    variables.clear();
  }

  /**
   * Selects the link's playbook with the link's values and window.
   *
   * @throws IllegalArgumentException for an unknown playbook or a variable it does not have
   */
  void select(PlaybookLink link) {
    Playbook p =
        catalog
            .playbook(link.playbookId())
            .orElseThrow(
                () -> new IllegalArgumentException("No playbook '" + link.playbookId() + "'."));
    Map<String, String> values = link.playbookVariables();
    PlaybookVariables.resolve(p, null, null, Map.of(), values, ValueOrigin.LINK); // may refuse
    forget();
    selected.set(p);
    linkValues = values;
    linkWindow = link.checkWindow().orElse(null);
    fill();
  }

  /**
   * Selects {@code playbookId} with {@code values} typed in.
   *
   * @throws IllegalArgumentException for a variable it does not have
   */
  void select(String playbookId, Map<String, String> values) {
    Playbook p =
        catalog
            .playbook(playbookId)
            .orElseThrow(() -> new IllegalArgumentException("No playbook '" + playbookId + "'."));
    PlaybookVariables.resolve(p, null, null, Map.of(), values, ValueOrigin.GIVEN); // may refuse
    forget();
    selected.set(p);
    typed.putAll(values);
    fill();
  }

  /** The window the checks of a walk-through started now look at: the link's, else context's. */
  CheckWindow window() {
    return linkWindow != null ? linkWindow : contextWindow;
  }

  private void fill() {
    Playbook p = selected.get();
    if (p == null) {
      variables.clear();
      return;
    }
    Map<String, String> context = new LinkedHashMap<>();
    if (contextPath != null) {
      context.put("path", contextPath);
    }
    if (contextHop != null) {
      context.put("hop", contextHop);
    }
    List<VariableValue> resolved = new ArrayList<>();
    for (VariableValue v :
        PlaybookVariables.resolve(p, null, window(), context, linkValues, ValueOrigin.LINK)) {
      resolved.add(
          typed.containsKey(v.name()) ? v.with(typed.get(v.name()), ValueOrigin.GIVEN) : v);
    }
    filling = true;
    try {
      boolean same =
          variables.size() == resolved.size()
              && java.util.stream.IntStream.range(0, resolved.size())
                  .allMatch(i -> variables.get(i).name().equals(resolved.get(i).name()));
      if (same) {
        for (int i = 0; i < resolved.size(); i++) {
          variables.get(i).show(resolved.get(i));
        }
      } else {
        List<VariableField> fields = new ArrayList<>();
        for (VariableValue v : resolved) {
          VariableField f = new VariableField(v);
          f.value().addListener((o, a, b) -> typed(f, b));
          fields.add(f);
        }
        variables.setAll(fields);
      }
    } finally {
      filling = false;
    }
  }

  private void typed(VariableField field, String value) {
    if (!filling) {
      typed.put(field.name(), value == null ? "" : value);
      field.edited();
    }
  }

  /** The variables form's values as edited ("" for an emptied field). */
  Map<String, String> edited() {
    Map<String, String> vars = new LinkedHashMap<>();
    variables.forEach(v -> vars.put(v.name(), v.value().get() == null ? "" : v.value().get()));
    return vars;
  }

  ObjectProperty<Playbook> selected() {
    return selected;
  }

  ObservableList<VariableField> variables() {
    return variables;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
