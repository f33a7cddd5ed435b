// Opcode names and lengths, from the JVMS §6.5 instruction list.

package classfile

// Opcode constants, named after the JVMS mnemonics.
const (
	OpNop             Opcode = 0x00
	OpAconstNull      Opcode = 0x01
	OpIconstM1        Opcode = 0x02
	OpIconst0         Opcode = 0x03
	OpIconst1         Opcode = 0x04
	OpIconst2         Opcode = 0x05
	OpIconst3         Opcode = 0x06
	OpIconst4         Opcode = 0x07
	OpIconst5         Opcode = 0x08
	OpLconst0         Opcode = 0x09
	OpLconst1         Opcode = 0x0a
	OpFconst0         Opcode = 0x0b
	OpFconst1         Opcode = 0x0c
	OpFconst2         Opcode = 0x0d
	OpDconst0         Opcode = 0x0e
	OpDconst1         Opcode = 0x0f
	OpBipush          Opcode = 0x10
	OpSipush          Opcode = 0x11
	OpLdc             Opcode = 0x12
	OpLdcW            Opcode = 0x13
	OpLdc2W           Opcode = 0x14
	OpIload           Opcode = 0x15
	OpLload           Opcode = 0x16
	OpFload           Opcode = 0x17
	OpDload           Opcode = 0x18
	OpAload           Opcode = 0x19
	OpIload0          Opcode = 0x1a
	OpIload1          Opcode = 0x1b
	OpIload2          Opcode = 0x1c
	OpIload3          Opcode = 0x1d
	OpLload0          Opcode = 0x1e
	OpLload1          Opcode = 0x1f
	OpLload2          Opcode = 0x20
	OpLload3          Opcode = 0x21
	OpFload0          Opcode = 0x22
	OpFload1          Opcode = 0x23
	OpFload2          Opcode = 0x24
	OpFload3          Opcode = 0x25
	OpDload0          Opcode = 0x26
	OpDload1          Opcode = 0x27
	OpDload2          Opcode = 0x28
	OpDload3          Opcode = 0x29
	OpAload0          Opcode = 0x2a
	OpAload1          Opcode = 0x2b
	OpAload2          Opcode = 0x2c
	OpAload3          Opcode = 0x2d
	OpIaload          Opcode = 0x2e
	OpLaload          Opcode = 0x2f
	OpFaload          Opcode = 0x30
	OpDaload          Opcode = 0x31
	OpAaload          Opcode = 0x32
	OpBaload          Opcode = 0x33
	OpCaload          Opcode = 0x34
	OpSaload          Opcode = 0x35
	OpIstore          Opcode = 0x36
	OpLstore          Opcode = 0x37
	OpFstore          Opcode = 0x38
	OpDstore          Opcode = 0x39
	OpAstore          Opcode = 0x3a
	OpIstore0         Opcode = 0x3b
	OpIstore1         Opcode = 0x3c
	OpIstore2         Opcode = 0x3d
	OpIstore3         Opcode = 0x3e
	OpLstore0         Opcode = 0x3f
	OpLstore1         Opcode = 0x40
	OpLstore2         Opcode = 0x41
	OpLstore3         Opcode = 0x42
	OpFstore0         Opcode = 0x43
	OpFstore1         Opcode = 0x44
	OpFstore2         Opcode = 0x45
	OpFstore3         Opcode = 0x46
	OpDstore0         Opcode = 0x47
	OpDstore1         Opcode = 0x48
	OpDstore2         Opcode = 0x49
	OpDstore3         Opcode = 0x4a
	OpAstore0         Opcode = 0x4b
	OpAstore1         Opcode = 0x4c
	OpAstore2         Opcode = 0x4d
	OpAstore3         Opcode = 0x4e
	OpIastore         Opcode = 0x4f
	OpLastore         Opcode = 0x50
	OpFastore         Opcode = 0x51
	OpDastore         Opcode = 0x52
	OpAastore         Opcode = 0x53
	OpBastore         Opcode = 0x54
	OpCastore         Opcode = 0x55
	OpSastore         Opcode = 0x56
	OpPop             Opcode = 0x57
	OpPop2            Opcode = 0x58
	OpDup             Opcode = 0x59
	OpDupX1           Opcode = 0x5a
	OpDupX2           Opcode = 0x5b
	OpDup2            Opcode = 0x5c
	OpDup2X1          Opcode = 0x5d
	OpDup2X2          Opcode = 0x5e
	OpSwap            Opcode = 0x5f
	OpIadd            Opcode = 0x60
	OpLadd            Opcode = 0x61
	OpFadd            Opcode = 0x62
	OpDadd            Opcode = 0x63
	OpIsub            Opcode = 0x64
	OpLsub            Opcode = 0x65
	OpFsub            Opcode = 0x66
	OpDsub            Opcode = 0x67
	OpImul            Opcode = 0x68
	OpLmul            Opcode = 0x69
	OpFmul            Opcode = 0x6a
	OpDmul            Opcode = 0x6b
	OpIdiv            Opcode = 0x6c
	OpLdiv            Opcode = 0x6d
	OpFdiv            Opcode = 0x6e
	OpDdiv            Opcode = 0x6f
	OpIrem            Opcode = 0x70
	OpLrem            Opcode = 0x71
	OpFrem            Opcode = 0x72
	OpDrem            Opcode = 0x73
	OpIneg            Opcode = 0x74
	OpLneg            Opcode = 0x75
	OpFneg            Opcode = 0x76
	OpDneg            Opcode = 0x77
	OpIshl            Opcode = 0x78
	OpLshl            Opcode = 0x79
	OpIshr            Opcode = 0x7a
	OpLshr            Opcode = 0x7b
	OpIushr           Opcode = 0x7c
	OpLushr           Opcode = 0x7d
	OpIand            Opcode = 0x7e
	OpLand            Opcode = 0x7f
	OpIor             Opcode = 0x80
	OpLor             Opcode = 0x81
	OpIxor            Opcode = 0x82
	OpLxor            Opcode = 0x83
	OpIinc            Opcode = 0x84
	OpI2l             Opcode = 0x85
	OpI2f             Opcode = 0x86
	OpI2d             Opcode = 0x87
	OpL2i             Opcode = 0x88
	OpL2f             Opcode = 0x89
	OpL2d             Opcode = 0x8a
	OpF2i             Opcode = 0x8b
	OpF2l             Opcode = 0x8c
	OpF2d             Opcode = 0x8d
	OpD2i             Opcode = 0x8e
	OpD2l             Opcode = 0x8f
	OpD2f             Opcode = 0x90
	OpI2b             Opcode = 0x91
	OpI2c             Opcode = 0x92
	OpI2s             Opcode = 0x93
	OpLcmp            Opcode = 0x94
	OpFcmpl           Opcode = 0x95
	OpFcmpg           Opcode = 0x96
	OpDcmpl           Opcode = 0x97
	OpDcmpg           Opcode = 0x98
	OpIfeq            Opcode = 0x99
	OpIfne            Opcode = 0x9a
	OpIflt            Opcode = 0x9b
	OpIfge            Opcode = 0x9c
	OpIfgt            Opcode = 0x9d
	OpIfle            Opcode = 0x9e
	OpIfIcmpeq        Opcode = 0x9f
	OpIfIcmpne        Opcode = 0xa0
	OpIfIcmplt        Opcode = 0xa1
	OpIfIcmpge        Opcode = 0xa2
	OpIfIcmpgt        Opcode = 0xa3
	OpIfIcmple        Opcode = 0xa4
	OpIfAcmpeq        Opcode = 0xa5
	OpIfAcmpne        Opcode = 0xa6
	OpGoto            Opcode = 0xa7
	OpJsr             Opcode = 0xa8
	OpRet             Opcode = 0xa9
	OpTableswitch     Opcode = 0xaa
	OpLookupswitch    Opcode = 0xab
	OpIreturn         Opcode = 0xac
	OpLreturn         Opcode = 0xad
	OpFreturn         Opcode = 0xae
	OpDreturn         Opcode = 0xaf
	OpAreturn         Opcode = 0xb0
	OpReturn          Opcode = 0xb1
	OpGetstatic       Opcode = 0xb2
	OpPutstatic       Opcode = 0xb3
	OpGetfield        Opcode = 0xb4
	OpPutfield        Opcode = 0xb5
	OpInvokevirtual   Opcode = 0xb6
	OpInvokespecial   Opcode = 0xb7
	OpInvokestatic    Opcode = 0xb8
	OpInvokeinterface Opcode = 0xb9
	OpInvokedynamic   Opcode = 0xba
	OpNew             Opcode = 0xbb
	OpNewarray        Opcode = 0xbc
	OpAnewarray       Opcode = 0xbd
	OpArraylength     Opcode = 0xbe
	OpAthrow          Opcode = 0xbf
	OpCheckcast       Opcode = 0xc0
	OpInstanceof      Opcode = 0xc1
	OpMonitorenter    Opcode = 0xc2
	OpMonitorexit     Opcode = 0xc3
	OpWide            Opcode = 0xc4
	OpMultianewarray  Opcode = 0xc5
	OpIfnull          Opcode = 0xc6
	OpIfnonnull       Opcode = 0xc7
	OpGotoW           Opcode = 0xc8
	OpJsrW            Opcode = 0xc9
)

// opNames holds the JVMS mnemonic of every defined opcode.
var opNames = [256]string{
	0x00: "nop",
	0x01: "aconst_null",
	0x02: "iconst_m1",
	0x03: "iconst_0",
	0x04: "iconst_1",
	0x05: "iconst_2",
	0x06: "iconst_3",
	0x07: "iconst_4",
	0x08: "iconst_5",
	0x09: "lconst_0",
	0x0a: "lconst_1",
	0x0b: "fconst_0",
	0x0c: "fconst_1",
	0x0d: "fconst_2",
	0x0e: "dconst_0",
	0x0f: "dconst_1",
	0x10: "bipush",
	0x11: "sipush",
	0x12: "ldc",
	0x13: "ldc_w",
	0x14: "ldc2_w",
	0x15: "iload",
	0x16: "lload",
	0x17: "fload",
	0x18: "dload",
	0x19: "aload",
	0x1a: "iload_0",
	0x1b: "iload_1",
	0x1c: "iload_2",
	0x1d: "iload_3",
	0x1e: "lload_0",
	0x1f: "lload_1",
	0x20: "lload_2",
	0x21: "lload_3",
	0x22: "fload_0",
	0x23: "fload_1",
	0x24: "fload_2",
	0x25: "fload_3",
	0x26: "dload_0",
	0x27: "dload_1",
	0x28: "dload_2",
	0x29: "dload_3",
	0x2a: "aload_0",
	0x2b: "aload_1",
	0x2c: "aload_2",
	0x2d: "aload_3",
	0x2e: "iaload",
	0x2f: "laload",
	0x30: "faload",
	0x31: "daload",
	0x32: "aaload",
	0x33: "baload",
	0x34: "caload",
	0x35: "saload",
	0x36: "istore",
	0x37: "lstore",
	0x38: "fstore",
	0x39: "dstore",
	0x3a: "astore",
	0x3b: "istore_0",
	0x3c: "istore_1",
	0x3d: "istore_2",
	0x3e: "istore_3",
	0x3f: "lstore_0",
	0x40: "lstore_1",
	0x41: "lstore_2",
	0x42: "lstore_3",
	0x43: "fstore_0",
	0x44: "fstore_1",
	0x45: "fstore_2",
	0x46: "fstore_3",
	0x47: "dstore_0",
	0x48: "dstore_1",
	0x49: "dstore_2",
	0x4a: "dstore_3",
	0x4b: "astore_0",
	0x4c: "astore_1",
	0x4d: "astore_2",
	0x4e: "astore_3",
	0x4f: "iastore",
	0x50: "lastore",
	0x51: "fastore",
	0x52: "dastore",
	0x53: "aastore",
	0x54: "bastore",
	0x55: "castore",
	0x56: "sastore",
	0x57: "pop",
	0x58: "pop2",
	0x59: "dup",
	0x5a: "dup_x1",
	0x5b: "dup_x2",
	0x5c: "dup2",
	0x5d: "dup2_x1",
	0x5e: "dup2_x2",
	0x5f: "swap",
	0x60: "iadd",
	0x61: "ladd",
	0x62: "fadd",
	0x63: "dadd",
	0x64: "isub",
	0x65: "lsub",
	0x66: "fsub",
	0x67: "dsub",
	0x68: "imul",
	0x69: "lmul",
	0x6a: "fmul",
	0x6b: "dmul",
	0x6c: "idiv",
	0x6d: "ldiv",
	0x6e: "fdiv",
	0x6f: "ddiv",
	0x70: "irem",
	0x71: "lrem",
	0x72: "frem",
	0x73: "drem",
	0x74: "ineg",
	0x75: "lneg",
	0x76: "fneg",
	0x77: "dneg",
	0x78: "ishl",
	0x79: "lshl",
	0x7a: "ishr",
	0x7b: "lshr",
	0x7c: "iushr",
	0x7d: "lushr",
	0x7e: "iand",
	0x7f: "land",
	0x80: "ior",
	0x81: "lor",
	0x82: "ixor",
	0x83: "lxor",
	0x84: "iinc",
	0x85: "i2l",
	0x86: "i2f",
	0x87: "i2d",
	0x88: "l2i",
	0x89: "l2f",
	0x8a: "l2d",
	0x8b: "f2i",
	0x8c: "f2l",
	0x8d: "f2d",
	0x8e: "d2i",
	0x8f: "d2l",
	0x90: "d2f",
	0x91: "i2b",
	0x92: "i2c",
	0x93: "i2s",
	0x94: "lcmp",
	0x95: "fcmpl",
	0x96: "fcmpg",
	0x97: "dcmpl",
	0x98: "dcmpg",
	0x99: "ifeq",
	0x9a: "ifne",
	0x9b: "iflt",
	0x9c: "ifge",
	0x9d: "ifgt",
	0x9e: "ifle",
	0x9f: "if_icmpeq",
	0xa0: "if_icmpne",
	0xa1: "if_icmplt",
	0xa2: "if_icmpge",
	0xa3: "if_icmpgt",
	0xa4: "if_icmple",
	0xa5: "if_acmpeq",
	0xa6: "if_acmpne",
	0xa7: "goto",
	0xa8: "jsr",
	0xa9: "ret",
	0xaa: "tableswitch",
	0xab: "lookupswitch",
	0xac: "ireturn",
	0xad: "lreturn",
	0xae: "freturn",
	0xaf: "dreturn",
	0xb0: "areturn",
	0xb1: "return",
	0xb2: "getstatic",
	0xb3: "putstatic",
	0xb4: "getfield",
	0xb5: "putfield",
	0xb6: "invokevirtual",
	0xb7: "invokespecial",
	0xb8: "invokestatic",
	0xb9: "invokeinterface",
	0xba: "invokedynamic",
	0xbb: "new",
	0xbc: "newarray",
	0xbd: "anewarray",
	0xbe: "arraylength",
	0xbf: "athrow",
	0xc0: "checkcast",
	0xc1: "instanceof",
	0xc2: "monitorenter",
	0xc3: "monitorexit",
	0xc4: "wide",
	0xc5: "multianewarray",
	0xc6: "ifnull",
	0xc7: "ifnonnull",
	0xc8: "goto_w",
	0xc9: "jsr_w",
}

// opLen is the encoded length of each fixed-size instruction; 0 marks the
// variable-length ones (tableswitch, lookupswitch, wide) and undefined opcodes.
var opLen = [256]uint8{
	0x00: 1,
	0x01: 1,
	0x02: 1,
	0x03: 1,
	0x04: 1,
	0x05: 1,
	0x06: 1,
	0x07: 1,
	0x08: 1,
	0x09: 1,
	0x0a: 1,
	0x0b: 1,
	0x0c: 1,
	0x0d: 1,
	0x0e: 1,
	0x0f: 1,
	0x10: 2,
	0x11: 3,
	0x12: 2,
	0x13: 3,
	0x14: 3,
	0x15: 2,
	0x16: 2,
	0x17: 2,
	0x18: 2,
	0x19: 2,
	0x1a: 1,
	0x1b: 1,
	0x1c: 1,
	0x1d: 1,
	0x1e: 1,
	0x1f: 1,
	0x20: 1,
	0x21: 1,
	0x22: 1,
	0x23: 1,
	0x24: 1,
	0x25: 1,
	0x26: 1,
	0x27: 1,
	0x28: 1,
	0x29: 1,
	0x2a: 1,
	0x2b: 1,
	0x2c: 1,
	0x2d: 1,
	0x2e: 1,
	0x2f: 1,
	0x30: 1,
	0x31: 1,
	0x32: 1,
	0x33: 1,
	0x34: 1,
	0x35: 1,
	0x36: 2,
	0x37: 2,
	0x38: 2,
	0x39: 2,
	0x3a: 2,
	0x3b: 1,
	0x3c: 1,
	0x3d: 1,
	0x3e: 1,
	0x3f: 1,
	0x40: 1,
	0x41: 1,
	0x42: 1,
	0x43: 1,
	0x44: 1,
	0x45: 1,
	0x46: 1,
	0x47: 1,
	0x48: 1,
	0x49: 1,
	0x4a: 1,
	0x4b: 1,
	0x4c: 1,
	0x4d: 1,
	0x4e: 1,
	0x4f: 1,
	0x50: 1,
	0x51: 1,
	0x52: 1,
	0x53: 1,
	0x54: 1,
	0x55: 1,
	0x56: 1,
	0x57: 1,
	0x58: 1,
	0x59: 1,
	0x5a: 1,
	0x5b: 1,
	0x5c: 1,
	0x5d: 1,
	0x5e: 1,
	0x5f: 1,
	0x60: 1,
	0x61: 1,
	0x62: 1,
	0x63: 1,
	0x64: 1,
	0x65: 1,
	0x66: 1,
	0x67: 1,
	0x68: 1,
	0x69: 1,
	0x6a: 1,
	0x6b: 1,
	0x6c: 1,
	0x6d: 1,
	0x6e: 1,
	0x6f: 1,
	0x70: 1,
	0x71: 1,
	0x72: 1,
	0x73: 1,
	0x74: 1,
	0x75: 1,
	0x76: 1,
	0x77: 1,
	0x78: 1,
	0x79: 1,
	0x7a: 1,
	0x7b: 1,
	0x7c: 1,
	0x7d: 1,
	0x7e: 1,
	0x7f: 1,
	0x80: 1,
	0x81: 1,
	0x82: 1,
	0x83: 1,
	0x84: 3,
	0x85: 1,
	0x86: 1,
	0x87: 1,
	0x88: 1,
	0x89: 1,
	0x8a: 1,
	0x8b: 1,
	0x8c: 1,
	0x8d: 1,
	0x8e: 1,
	0x8f: 1,
	0x90: 1,
	0x91: 1,
	0x92: 1,
	0x93: 1,
	0x94: 1,
	0x95: 1,
	0x96: 1,
	0x97: 1,
	0x98: 1,
	0x99: 3,
	0x9a: 3,
	0x9b: 3,
	0x9c: 3,
	0x9d: 3,
	0x9e: 3,
	0x9f: 3,
	0xa0: 3,
	0xa1: 3,
	0xa2: 3,
	0xa3: 3,
	0xa4: 3,
	0xa5: 3,
	0xa6: 3,
	0xa7: 3,
	0xa8: 3,
	0xa9: 2,
	0xac: 1,
	0xad: 1,
	0xae: 1,
	0xaf: 1,
	0xb0: 1,
	0xb1: 1,
	0xb2: 3,
	0xb3: 3,
	0xb4: 3,
	0xb5: 3,
	0xb6: 3,
	0xb7: 3,
	0xb8: 3,
	0xb9: 5,
	0xba: 5,
	0xbb: 3,
	0xbc: 2,
	0xbd: 3,
	0xbe: 1,
	0xbf: 1,
	0xc0: 3,
	0xc1: 3,
	0xc2: 1,
	0xc3: 1,
	0xc5: 4,
	0xc6: 3,
	0xc7: 3,
	0xc8: 5,
	0xc9: 5,
}
