# language: zh-CN
@flow-answer @lang-zh-CN
功能: 接听来电
  用户在系统来电界面上接听。应用配置音频会话（从不自己激活），服务器接受后完成接听动作，
  只有在系统激活会话后才启动媒体，并且 configAudio 在此之前调用：在 performAnswerCallAction 或 didActivate 中，
  由应用选择（R-AUD-1、R-AUD-2）。

  背景:
    假如 应用正在前台运行

  @R-AUD-2 @R-TX-1
  场景: 手机未锁屏时在系统来电界面上接听
    当 服务器发来通话 A（来自 "alice"）
    并且 用户在系统来电界面上接听通话 A
    那么 时间线按顺序显示：
      | 顺序 | 来源   | 事件                    | 通话 | 属性             |
      | 1    | user   | userTappedAnswer        | A    | lockScreen=false |
      | 2    | system | performAnswerCallAction | A    |                  |
      | 3    | sdk    | configAudio             | A    | result=ok        |
      | 3    | system | didActivateAudioSession | A    |                  |
      | 4    | sdk    | startAudio              | A    |                  |
    并且 时间线按顺序显示：
      | 来源       | 事件                    | 通话 | 属性          |
      | system     | performAnswerCallAction | A    |               |
      | signalling | accept                  | A    | status=200    |
      | app        | fulfill                 | A    | action=answer |
      | system     | didActivateAudioSession | A    |               |
    并且 时间线按顺序显示：
      | 来源   | 事件                    | 通话 | 属性                       |
      | system | didActivateAudioSession | A    |                            |
      | sdk    | startAudio              | A    | result=ok, session=callkit |
    并且 完全没有 audioSessionSetActive 事件

  @R-AUD-2
  场景: 在锁屏上接听：保持系统来电界面，激活后仍启动媒体
    假如 手机已锁屏
    当 服务器发来通话 A（来自 "alice"）
    并且 用户在系统来电界面上接听通话 A
    那么 时间线按顺序显示：
      | 来源   | 事件                    | 通话 | 属性            |
      | user   | userTappedAnswer        | A    | lockScreen=true |
      | system | performAnswerCallAction | A    |                 |
      | app    | fulfill                 | A    | action=answer   |
      | system | didActivateAudioSession | A    |                 |
      | sdk    | startAudio              | A    | result=ok       |
    并且 完全没有 appWillEnterForeground 事件
