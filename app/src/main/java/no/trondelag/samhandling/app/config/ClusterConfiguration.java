package no.trondelag.samhandling.app.config;

import no.trondelag.samhandling.command.common.BoundedCache;
import org.axonframework.commandhandling.distributed.ConsistentHashChangeListener;
import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * The {@code cluster} profile: JGroups reads its member list from a system property, which must be set before the
 * JGroups channel is created; this sets it from {@code ledger.cluster.initial-hosts} first thing. When the members
 * change, so does the node each aggregate's commands are routed to, and a node may have missed commands for an
 * aggregate it cached: every node then forgets the aggregates it cached.
 */
@Configuration(proxyBeanMethods = false)
@Profile("cluster")
public class ClusterConfiguration {

    /** The system property JGroups' TCPPING reads the members from (see {@code jgroups-tcp.xml}). */
    static final String INITIAL_HOSTS = "jgroups.tcpping.initial_hosts";

    @Bean
    ConsistentHashChangeListener aggregatesForgottenWhenRoutingChanges(
            @Qualifier(BoundedCache.AGGREGATES) Cache aggregates) {
        return newHash -> aggregates.removeAll();
    }

    @Bean
    static BeanFactoryPostProcessor jgroupsMembers(Environment environment) {
        return beanFactory -> {
            System.setProperty("java.net.preferIPv4Stack", "true");
            System.setProperty(INITIAL_HOSTS, environment.getRequiredProperty("ledger.cluster.initial-hosts"));
        };
    }
}
