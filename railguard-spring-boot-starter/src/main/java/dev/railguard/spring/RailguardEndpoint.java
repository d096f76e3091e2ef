package dev.railguard.spring;

import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.monitor.Monitor;
import dev.railguard.spring.internal.EndpointReport;
import dev.railguard.workflow.Workflow;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code railguard} Actuator endpoint ({@code /actuator/railguard} once exposed with
 * {@code management.endpoints.web.exposure.include=railguard}): every monitor and workflow bean with its counts, pass
 * rates per metric and recent failures (event ids, failing metrics with score and threshold, reasons; never prompts or
 * outputs), and the judges' traffic. Reading it calls no judge.
 */
@Endpoint(id = "railguard")
public class RailguardEndpoint {

    private final RailguardEvaluator evaluator;
    private final ListableBeanFactory beans;

    /** An endpoint over the evaluator and the monitor and workflow beans of {@code beans}. */
    public RailguardEndpoint(RailguardEvaluator evaluator, ListableBeanFactory beans) {
        this.evaluator = evaluator;
        this.beans = beans;
    }

    /** The whole report. */
    @ReadOperation
    public Map<String, Object> report() {
        Map<String, Object> monitors = new TreeMap<>();
        beans.getBeansOfType(Monitor.class, false, false).forEach((name, m) -> monitors.put(name, EndpointReport.monitor(m)));
        Map<String, Object> workflows = new TreeMap<>();
        beans.getBeansOfType(Workflow.class, false, false).forEach((name, w) -> workflows.put(name, EndpointReport.workflow(w)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("monitors", monitors);
        out.put("workflows", workflows);
        out.put("judges", EndpointReport.judges(evaluator.judgeStats()));
        return out;
    }
}
