package dev.callflow.steps;

import dev.callflow.harness.ScenarioRig;
import dev.callflow.monitor.RuleCatalog;
import dev.callflow.rules.Policy;
import dev.callflow.rules.Rule;
import dev.callflow.rules.RuleReport;
import dev.callflow.rules.RuleVerdict;
import dev.callflow.rules.Trace;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.zh_cn.假如;
import io.cucumber.java.zh_cn.那么;

/** Rules in scenarios: choose the policy, and declare the rule a scenario breaks on purpose. */
public class RuleSteps {
    private final ScenarioContext ctx;

    public RuleSteps(ScenarioContext ctx) {
        this.ctx = ctx;
    }

    @Given("the audio policy is {string}")
    @假如("音频策略为 {string}")
    public void policy(String name) {
        ctx.policy(Policy.named(name));
    }

    @Then("rule {word} is violated")
    @那么("规则 {word} 被违反")
    public void violated(String id) {
        expect(id, RuleVerdict.Outcome.VIOLATED);
    }

    @Then("rule {word} warns")
    @那么("规则 {word} 发出警告")
    public void warns(String id) {
        expect(id, RuleVerdict.Outcome.WARNED);
    }

    @Then("rule {word} holds")
    @那么("规则 {word} 成立")
    public void holds(String id) {
        expect(id, RuleVerdict.Outcome.HOLDS);
    }

    private void expect(String id, RuleVerdict.Outcome wanted) {
        Rule rule = RuleCatalog.require(id);
        ScenarioRig rig = ctx.rig();
        Waits.settled(rig);
        RuleVerdict v = rule.judge(new Trace(rig.timeline().events()), ctx.policy());
        if (v.outcome() != wanted) {
            String detail = v.fired() ? RuleReport.explain(v, rig.timeline().events(), ctx.policy(), ctx.calls()::nameOf)
                    : rule.id() + " " + v.outcome().label() + (v.note() == null ? "" : " (" + v.note() + ")") + ": " + rule.statement();
            throw new AssertionError("Expected rule " + rule.id() + " to be " + wanted.label() + ", but it is "
                    + v.outcome().label() + ".\n" + detail);
        }
        if (wanted != RuleVerdict.Outcome.HOLDS) {
            ctx.expectRule(rule.id());
        }
    }
}
