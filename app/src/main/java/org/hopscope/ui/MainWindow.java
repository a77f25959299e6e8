package org.hopscope.ui;

import javafx.application.Application;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.hopscope.ui.chart.ChartTheme;
import org.hopscope.ui.shell.MainScreen;
import org.hopscope.ui.shell.ShellModel;
import org.hopscope.ui.shell.Theme;

/**
 * The main window's stage: its scene (sized as --size) holding the main screen and its keys, title,
 * icons, what hiding it does, and the theme it follows (--theme, else the shell's).
 */
final class MainWindow {

  private MainWindow() {}

  /**
   * Applies the theme asked for on the command line (else the shell's) and every later change of
   * the shell's theme to the whole client and its charts.
   */
  static void followTheme(
      ShellModel shell, GuiOptions options, ObjectProperty<ChartTheme> chartTheme) {
    Theme theme = options.theme != null ? Theme.parse(options.theme) : shell.themeProperty().get();
    apply(theme, chartTheme);
    shell.themeProperty().addListener((o, was, now) -> apply(now, chartTheme));
  }

  /**
   * Puts {@code main} on {@code stage} (not shown yet); {@code onHidden} runs when it is hidden.
   */
  static Scene setUp(Stage stage, MainScreen main, GuiOptions options, Runnable onHidden) {
    Scene scene = new Scene(main, options.width(), options.height());
    main.installShortcuts(scene);
    stage.setScene(scene);
    stage.sizeToScene();
    stage.setTitle("Hopscope");
    stage.getIcons().setAll(AppIcons.all());
    stage.setOnHidden(e -> onHidden.run());
    return scene;
  }

  private static void apply(Theme theme, ObjectProperty<ChartTheme> chartTheme) {
    Application.setUserAgentStylesheet(theme.userAgentStylesheet());
    chartTheme.set(theme == Theme.DARK ? ChartTheme.DARK : ChartTheme.LIGHT);
  }
}
