/** Sessions on Redis (Lettuce) shared by several Pronto instances: {@link dev.pronto.session.redis.RedisSessions}. */
package dev.pronto.session.redis;
