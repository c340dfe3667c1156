package nendo.testing;

import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What Chart.js drew, read back from the page for browser tests. */
public final class Charts {
    private Charts() {}

    /**
     * Waits until a Chart.js chart is on the canvas and visible, then returns its labels and its
     * datasets (each with label and data).
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> of(WebDriverWait wait, String canvas) {
        return wait.until(d -> (Map<String, Object>) ((JavascriptExecutor) d).executeScript("""
                const c = document.querySelector(arguments[0]);
                const chart = c && window.Chart && Chart.getChart(c);
                if (!chart || !c.offsetWidth) return null;
                return { labels: chart.data.labels,
                         datasets: chart.data.datasets.map(ds => ({ label: ds.label, data: ds.data })) };
                """, canvas));
    }
}
