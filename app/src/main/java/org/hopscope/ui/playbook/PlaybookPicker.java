package org.hopscope.ui.playbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.PlaybookVariables;
import org.hopscope.oncall.PlaybookCatalog;
import org.hopscope.ui.playbook.PlaybookViewModel.PickerItem;

/**
 * The picker half of the walk-through: playbooks suggested for what the engineer looks at (then
 * all), the selected one and its variables form, prefilled from defaults and the context.
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
  private String contextWindow;

  PlaybookPicker(PlaybookCatalog catalog) {
    this.catalog = catalog;
    all.setAll(catalog.playbooks());
    suggest(null, null);
  }

  List<Playbook> suggest(String path, String hop) {
    List<Playbook> s =
        path == null && hop == null
            ? List.of()
            : catalog.suggest(path, hop, null).stream().filter(p -> matches(p, path, hop)).toList();
    suggested.setAll(s);
    List<PickerItem> items = new ArrayList<>();
    s.forEach(p -> items.add(new PickerItem(p, true)));
    all.stream().filter(p -> !s.contains(p)).forEach(p -> items.add(new PickerItem(p, false)));
    pickerItems.setAll(items);
    return s;
  }

  private static boolean matches(Playbook p, String path, String hop) {
    Playbook.AppliesTo a = p.appliesTo();
    return (path != null && a.paths().contains(path)) || (hop != null && a.hops().contains(hop));
  }

  void context(String path, String hop, String window) {
    contextPath = blankToNull(path);
    contextHop = blankToNull(hop);
    contextWindow = blankToNull(window);
    suggest(contextPath, contextHop);
    if (selected.get() != null) {
      select(selected.get().id());
    }
  }

  void select(String playbookId) {
    Playbook p = catalog.playbook(playbookId).orElse(null);
    selected.set(p);
    variables.clear();
    if (p == null) {
      return;
    }
    Map<String, String> given = new LinkedHashMap<>();
    if (contextPath != null) {
      given.put("path", contextPath);
    }
    if (contextHop != null) {
      given.put("hop", contextHop);
    }
    if (contextWindow != null) {
      given.put("window", contextWindow);
    }
    Map<String, String> bound = PlaybookVariables.bind(p, null, given);
    Map<String, String> descriptions = new LinkedHashMap<>();
    p.variables().forEach(v -> descriptions.put(v.name(), v.description()));
    bound.forEach(
        (k, v) -> variables.add(new VariableField(k, descriptions.getOrDefault(k, ""), v)));
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
