package dev.callflow.steps;

import dev.callflow.rules.Policy;
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
        ctx.phone().ruleViolated(id);
    }

    @Then("rule {word} warns")
    @那么("规则 {word} 发出警告")
    public void warns(String id) {
        ctx.phone().ruleWarns(id);
    }

    @Then("rule {word} holds")
    @那么("规则 {word} 成立")
    public void holds(String id) {
        ctx.phone().ruleHolds(id);
    }
}
