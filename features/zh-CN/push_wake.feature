# language: zh-CN
@flow-push-wake @lang-zh-CN
功能: 用 VoIP 推送唤醒应用
  应用服务器通过模拟 APNs 发送 VoIP 推送（TLS、HTTP/2、令牌认证、主题 <bundle>.voip）。PushKit 启动或唤醒应用，
  应用必须在推送处理返回之前把来电上报给 CallKit（R-PUSH-1）。何时调用 PushKit 的完成回调由应用选择；
  在上报完成之前调用时 R-PUSH-3 给出警告。

  @R-PUSH-1 @R-PUSH-6 @R-PUSH-7
  场景: 被杀死的应用由 VoIP 推送冷启动，并在返回前上报来电
    假如 应用已被杀死
    当 应用服务器为通话 A（来自 "alice"）发送 VoIP 推送
    那么 时间线按顺序显示：
      | 顺序 | 来源   | 事件                            | 通话 | 属性                                          |
      | 1    | push   | pushSent                        | A    | pushType=voip                                 |
      | 2    | push   | pushAccepted                    | A    | topic=com.example.callapp.voip, pushType=voip |
      | 3    | system | appLaunched                     |      | reason=voipPush, state=background             |
      | 4    | system | didReceiveIncomingPush          | A    |                                               |
      | 5    | app    | reportNewIncomingCall           | A    | handle=alice                                  |
      | 6    | system | incomingCallUiShown             | A    |                                               |
      | 6    | system | reportNewIncomingCallCompletion | A    |                                               |
    并且 时间线按顺序显示：
      | 来源   | 事件                   | 通话 |
      | system | didReceiveIncomingPush | A    |
      | app    | pushCompletion         | A    |
    并且 时间线按顺序显示：
      | 来源       | 事件        | 通话 | 属性       |
      | system     | appLaunched |      |            |
      | signalling | login       |      | status=200 |
    并且 完全没有 pushNotReported 事件
    并且 没有 appTerminated 事件在 didReceiveIncomingPush 之后
    并且 应用上报通话 A 不晚于其推送后 1000 毫秒

  @R-PUSH-1 @R-AUD-2
  场景: 被推送唤醒的已杀死应用让用户在锁屏上接听
    假如 应用已被杀死
    并且 手机已锁屏
    当 应用服务器为通话 A（来自 "alice"）发送 VoIP 推送
    并且 用户在系统来电界面上接听通话 A
    那么 时间线按顺序显示：
      | 来源       | 事件                    | 通话 | 属性            |
      | system     | didReceiveIncomingPush  | A    |                 |
      | app        | reportNewIncomingCall   | A    |                 |
      | user       | userTappedAnswer        | A    | lockScreen=true |
      | system     | performAnswerCallAction | A    |                 |
      | signalling | accept                  | A    | status=200      |
      | app        | fulfill                 | A    | action=answer   |
      | system     | didActivateAudioSession | A    |                 |
      | sdk        | startAudio              | A    | result=ok       |

  @R-PUSH-1
  场景: 后台挂起的应用被 VoIP 推送唤醒
    假如 应用正在后台运行
    当 应用服务器为通话 A（来自 "alice"）发送 VoIP 推送
    那么 时间线按顺序显示：
      | 来源   | 事件                   | 通话 | 属性 |
      | push   | pushAccepted           | A    |      |
      | system | appWokenForPush        | A    |      |
      | system | didReceiveIncomingPush | A    |      |
      | app    | reportNewIncomingCall  | A    |      |
    并且 时间线按顺序显示：
      | 来源   | 事件                   | 通话 |
      | system | didReceiveIncomingPush | A    |
      | app    | pushCompletion         | A    |
    并且 没有 appLaunched 事件，通话 A
    并且 通话 A 正在系统来电界面上响铃
