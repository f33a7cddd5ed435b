package io.netty.channel.sctp;

public class SctpChannel {
}
