# language: zh-CN
@flow-interruption @family-10 @lang-zh-CN
功能: 被蜂窝电话或其他应用的来电打断
  VoIP 通话接通期间另一通电话打进来。保持并接听会保持 VoIP 通话（停止其媒体，didDeactivate）；
  另一通电话被本机用户挂断时，系统用新的 didActivate 恢复它，但对方挂断后 VoIP 通话保持在保持状态且没有激活
  （R-MULTI-3、R-AUD-7）。结束并接听会结束 VoIP 通话；拒接则不影响它。

  背景:
    假如 应用正在前台运行
    并且 通话 A（来自 "alice"）已接通

  @R-MULTI-3 @R-AUD-7
  场景大纲: 对<other>选择保持并接听，然后另一通电话被本机用户挂断
    当 <other>打进来
    并且 用户对另一通来电选择 "保持并接听"
    并且 通话 A 已被保持
    并且 另一通电话被本机用户挂断
    那么 时间线按顺序显示：
      | 来源   | 事件                      | 通话 | 属性           |
      | system | otherCallIncoming         |      | kind=<kind>    |
      | user   | userChoseHoldAndAccept    | A    |                |
      | system | performSetHeldCallAction  | A    | onHold=true    |
      | app    | fulfill                   | A    | action=setHeld |
      | system | didDeactivateAudioSession | A    |                |
      | system | otherCallEnded            |      | by=localUser   |
      | system | performSetHeldCallAction  | A    | onHold=false   |
      | app    | fulfill                   | A    | action=setHeld |
      | system | didActivateAudioSession   | A    |                |
      | sdk    | startAudio                | A    | result=ok      |
    并且 规则 R-MULTI-3 成立

    例子:
      | other          | kind     |
      | 蜂窝电话       | cellular |
      | 其他应用的来电 | otherApp |

  @R-MULTI-3 @R-AUD-7
  场景大纲: 对<other>选择保持并接听，对方挂断它：VoIP 通话保持在保持状态
    当 <other>打进来
    并且 用户对另一通来电选择 "保持并接听"
    并且 通话 A 已被保持
    并且 另一通电话被对方挂断
    那么 时间线按顺序显示：
      | 来源   | 事件                      | 通话 | 属性                   |
      | app    | fulfill                   | A    | action=setHeld         |
      | system | didDeactivateAudioSession | A    |                        |
      | system | otherCallEnded            |      | kind=<kind>, by=remote |
    并且 没有 startAudio 事件在 otherCallEnded 之后
    并且 没有 didActivateAudioSession 事件在 otherCallEnded 之后
    并且 没有 performSetHeldCallAction 事件在 otherCallEnded 之后

    例子:
      | other          | kind     |
      | 蜂窝电话       | cellular |
      | 其他应用的来电 | otherApp |

  @R-MULTI-3 @R-AUD-7
  场景大纲: 对<other>选择保持并接听，对方挂断它，然后用户在应用内恢复通话 A
    当 <other>打进来
    并且 用户对另一通来电选择 "保持并接听"
    并且 通话 A 已被保持
    并且 另一通电话被对方挂断
    并且 用户在应用内恢复通话 A
    那么 时间线按顺序显示：
      | 来源   | 事件                     | 通话 | 属性                             |
      | system | otherCallEnded           |      | kind=<kind>, by=remote           |
      | user   | userTappedResume         | A    |                                  |
      | app    | requestTransaction       | A    | actions=setHeld                  |
      | system | performSetHeldCallAction | A    | onHold=false, origin=transaction |
      | app    | fulfill                  | A    | action=setHeld                   |
      | system | didActivateAudioSession  | A    |                                  |
      | sdk    | startAudio               | A    | result=ok                        |
    并且 没有 startAudio 事件在 didActivateAudioSession 之前，通话 A
    并且 完全没有 audioSessionSetActive 事件

    例子:
      | other          | kind     |
      | 蜂窝电话       | cellular |
      | 其他应用的来电 | otherApp |

  @R-MULTI-2
  场景大纲: 对<other>选择结束并接听会结束 VoIP 通话
    当 <other>打进来
    并且 用户对另一通来电选择 "结束并接听"
    那么 时间线按顺序显示：
      | 来源   | 事件                      | 通话 | 属性             |
      | system | otherCallIncoming         |      | kind=<kind>      |
      | user   | userChoseEndAndAccept     | A    |                  |
      | system | performEndCallAction      | A    | origin=otherCall |
      | app    | fulfill                   | A    | action=end       |
      | system | didDeactivateAudioSession | A    |                  |
    并且 时间线按顺序显示：
      | 来源   | 事件                       | 通话 |
      | system | performEndCallAction       | A    |
      | sdk    | releaseAudio\|unprepareSDK | A    |
    并且 完全没有 performSetHeldCallAction 事件

    例子:
      | other          | kind     |
      | 蜂窝电话       | cellular |
      | 其他应用的来电 | otherApp |

  @R-MULTI-3
  场景: 拒接其他应用的来电不影响 VoIP 通话
    当 其他应用的来电打进来
    并且 用户对另一通来电选择 "拒接"
    那么 时间线按顺序显示：
      | 来源   | 事件                  | 属性          |
      | system | otherCallIncoming     | kind=otherApp |
      | user   | userDeclinedOtherCall | kind=otherApp |
    并且 没有 performSetHeldCallAction 事件，通话 A
    并且 没有 performEndCallAction 事件，通话 A
    并且 没有 didDeactivateAudioSession 事件，通话 A
