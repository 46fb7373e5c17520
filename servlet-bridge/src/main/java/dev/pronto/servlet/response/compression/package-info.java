/** Response compression: gzip content coding (RFC 9110 §8.4.1.3) chosen per response, installed as the first filter. */
package dev.pronto.servlet.response.compression;
